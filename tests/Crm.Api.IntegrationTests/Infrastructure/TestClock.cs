using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The application's clock, set by the test. Unlike FakeTimeProvider it may go back in time, so tests in any order can
/// each put it where they need; timers and timestamps stay real, so background work (read log, exports) runs as usual.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now ?? base.GetUtcNow();

    /// <summary>Stops the clock at <paramref name="instant"/> (null: real time again).</summary>
    public void Set(DateTimeOffset? instant) => _now = instant?.ToUniversalTime();

    /// <summary>Stops the clock at a wall-clock time in Shanghai (UTC+8).</summary>
    public void SetShanghai(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        Set(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)));
}

/// <summary>A fixture whose application clock the tests move.</summary>
public interface IClockedFixture
{
    TestClock Clock { get; }
}

internal static class ClockedServices
{
    public static void Use(IServiceCollection services, TestClock clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        // Token lifetimes are checked by the identity library against the real time, which this clock leaves behind;
        // they are not what these tests are about.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            o => o.TokenValidationParameters.LifetimeValidator = (_, _, _, _) => true);
    }
}

public class ClockedSqliteApiFixture : SqliteApiFixture, IClockedFixture
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => ClockedServices.Use(services, Clock);
}

public class ClockedSqlServerApiFixture : SqlServerApiFixture, IClockedFixture
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => ClockedServices.Use(services, Clock);
}
