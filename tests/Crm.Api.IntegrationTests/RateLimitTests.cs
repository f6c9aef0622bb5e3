using System.Net;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 3: per-principal rate limits, 429 with Retry-After and RateLimit headers, independent partitions.</summary>
public abstract class RateLimitTestsBase(ApiFixture fixture)
{
    public const int Permits = 5;
    public const int AnonymousPermits = 30;

    public static readonly KeyValuePair<string, string?>[] Settings =
    [
        new("RateLimits:PermitsPerMinute", Permits.ToString()),
        new("RateLimits:AnonymousPermitsPerMinute", AnonymousPermits.ToString()),
    ];

    private ApiFixture Api => fixture.Ready();
    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    /// <summary>Each test signs in within a window of its own, then acts in the next one, 20 seconds after it starts
    /// (windows are aligned to the minute).</summary>
    private void NewWindow(int hour, int minute = 1) => Clock.Set(new DateTimeOffset(2026, 6, 1, hour, minute, 20, TimeSpan.Zero));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task A_user_past_the_limit_gets_429_with_Retry_After_and_RateLimit_headers_until_the_window_ends()
    {
        NewWindow(1, 0);
        var sales = await Api.As("east.sales1");
        NewWindow(1);

        for (var i = 1; i <= Permits; i++)
        {
            var ok = await sales.GetAsync("/api/v1/me");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            Header(ok, "RateLimit-Limit").ShouldBe(Permits.ToString());
            Header(ok, "RateLimit-Remaining").ShouldBe((Permits - i).ToString());
            Header(ok, "RateLimit-Reset").ShouldBe("40");
            Header(ok, "RateLimit-Policy").ShouldBe($"{Permits};w=60");
        }

        var refused = await sales.GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Body())["code"]!.GetValue<string>().ShouldBe("rateLimited");
        Header(refused, "Retry-After").ShouldBe("40");
        Header(refused, "RateLimit-Remaining").ShouldBe("0");
        Header(refused, "RateLimit-Reset").ShouldBe("40");

        Clock.Set(new DateTimeOffset(2026, 6, 1, 1, 2, 0, TimeSpan.Zero));
        (await sales.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_flooding_client_does_not_starve_other_clients_or_users()
    {
        NewWindow(2, 0);
        var flooding = await Api.AsApiClient(await Api.CreateApiClient("刷屏系统", ["customers:read"]));
        var other = await Api.AsApiClient(await Api.CreateApiClient("安静系统", ["customers:read"]));
        var person = await Api.As("south.sales1");
        NewWindow(2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Permits + 3; i++)
            statuses.Add((await flooding.GetAsync("/api/v1/customers")).StatusCode);

        statuses.Take(Permits).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(Permits).ShouldAllBe(s => s == (HttpStatusCode)429);
        (await other.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await person.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Callers_without_a_token_share_their_address_partition_and_health_is_not_limited()
    {
        NewWindow(3, 0);
        var gm = await Api.As("gm");
        NewWindow(3);
        var anonymous = Api.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AnonymousPermits + 2; i++)
            statuses.Add((await anonymous.GetAsync("/api/v1/me")).StatusCode);

        statuses.ShouldContain(HttpStatusCode.Unauthorized);
        statuses[^1].ShouldBe((HttpStatusCode)429);
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gm.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public class RateLimitSqliteFixture : ClockedSqliteApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => RateLimitTestsBase.Settings;
}

public class RateLimitSqlServerFixture : ClockedSqlServerApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => RateLimitTestsBase.Settings;
}

public sealed class RateLimitTests(RateLimitSqliteFixture fixture) : RateLimitTestsBase(fixture), IClassFixture<RateLimitSqliteFixture>;

public sealed class RateLimitTestsOnSqlServer(RateLimitSqlServerFixture fixture) : RateLimitTestsBase(fixture), IClassFixture<RateLimitSqlServerFixture>;
