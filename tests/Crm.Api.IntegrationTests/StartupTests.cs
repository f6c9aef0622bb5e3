using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Api.IntegrationTests;

/// <summary>Start-up refuses configurations that would be unsafe in production.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-tests", "startup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Production_without_a_signing_key_refuses_to_start()
    {
        using var factory = Factory("Production", signingKey: "");

        var failure = Should.Throw<Exception>(() => _ = factory.Server);

        Messages(failure).ShouldContain("Jwt:SigningKey");
    }

    [Fact]
    public void A_signing_key_shorter_than_32_bytes_refuses_to_start()
    {
        using var factory = Factory("Production", signingKey: "too-short-key-0123456789");

        var failure = Should.Throw<Exception>(() => _ = factory.Server);

        var messages = Messages(failure);
        messages.ShouldContain("Jwt:SigningKey");
        messages.ShouldContain("32");
    }

    [Fact]
    public async Task Development_without_a_signing_key_starts_with_a_generated_one()
    {
        using var factory = Factory("Development", signingKey: "");

        var response = await factory.CreateClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(_folder, "crm.db")).ShouldBeTrue("start-up migrates the configured database");
    }

    [Fact]
    public void The_JWT_clock_skew_is_at_most_30_seconds()
    {
        using var factory = Factory("Development", signingKey: "startup-tests-signing-key-0123456789abcdef");

        var options = factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        options.TokenValidationParameters.ClockSkew.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        options.TokenValidationParameters.ValidateLifetime.ShouldBeTrue();
        options.TokenValidationParameters.IssuerSigningKey.ShouldNotBeNull();
    }

    private WebApplicationFactory<Program> Factory(string environment, string signingKey)
    {
        Directory.CreateDirectory(_folder);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "crm.db")}");
            builder.UseSetting("Jwt:SigningKey", signingKey);
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
    }

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        if (exception is AggregateException aggregate)
            messages.AddRange(aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
