using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Api.Common.Errors;
using Crm.Api.Features.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Crm.Api.Common.Http;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off: no limits and no RateLimit headers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window for each signed-in person and each API client. High by default: the load benchmark
    /// (16 clients as one user, a few thousand requests a second on these machines) must not meet it.</summary>
    public int PermitsPerMinute { get; set; } = 300_000;

    /// <summary>Requests per window for each client address without a valid token (sign-in, token endpoint).</summary>
    public int AnonymousPermitsPerMinute { get; set; } = 6_000;
}

/// <summary>
/// Per-principal rate limits on /api with ASP.NET Core's rate limiter: one partition per API client, per person and,
/// without a valid token, per client address, so one caller's flood never uses up another's permits. Windows are one
/// minute, aligned to the clock, so <c>RateLimit-Reset</c> is exact. Headers follow draft-ietf-httpapi-ratelimit-headers
/// in its widely deployed form: <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (seconds)
/// and <c>RateLimit-Policy</c> (<c>limit;w=60</c>); a 429 adds <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCrmRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PermitsPerMinute > 0 && o.AnonymousPermitsPerMinute > 0, "RateLimits permits must be positive.").ValidateOnStart();
        services.AddSingleton<CrmRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<CrmRateLimiter>((o, limiter) =>
            {
                o.GlobalLimiter = limiter.Limiter;
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.OnRejected = OnRejectedAsync;
            });
        return services;
    }

    /// <summary>After authentication (partitions need the principal); writes the RateLimit headers of granted requests.</summary>
    public static IApplicationBuilder UseCrmRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
            return app;
        app.UseRateLimiter();
        return app.Use(async (http, next) =>
        {
            app.ApplicationServices.GetRequiredService<CrmRateLimiter>().WriteHeaders(http, rejected: false);
            await next(http);
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<CrmRateLimiter>().WriteHeaders(http, rejected: true);
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        var error = new Error(ErrorKind.TooManyRequests, "rateLimited", "请求过于频繁，请稍后再试（见 Retry-After）。", RetryAfter: retry);
        await error.ToProblem(http).ExecuteAsync(http);
    }

    /// <summary>Whose permits a request uses: <c>client:…</c>, <c>user:…</c>, <c>ip:…</c>; null when not limited.</summary>
    public static string? PartitionKey(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
            return null;
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirst(CrmClaims.ClientId)?.Value is { } clientId)
                return "client:" + clientId;
            if (user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } subject)
                return "user:" + subject;
        }
        return "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}

/// <summary>The partitioned limiter, kept as a singleton so the header middleware can read a partition's remaining permits.</summary>
public sealed class CrmRateLimiter
{
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _clock;

    public CrmRateLimiter(IOptions<RateLimitOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimits.PartitionKey(http) is { } key
            ? RateLimitPartition.Get(key, k => new AlignedWindowRateLimiter(LimitFor(k), RateLimits.Window, _clock))
            : RateLimitPartition.GetNoLimiter(""));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private int LimitFor(string key) => key.StartsWith("ip:", StringComparison.Ordinal) ? _options.AnonymousPermitsPerMinute : _options.PermitsPerMinute;

    public void WriteHeaders(HttpContext http, bool rejected)
    {
        if (RateLimits.PartitionKey(http) is not { } key)
            return;
        var limit = LimitFor(key);
        var remaining = rejected ? 0 : Limiter.GetStatistics(http)?.CurrentAvailablePermits ?? 0;
        var reset = AlignedWindowRateLimiter.UntilWindowEnds(_clock.GetUtcNow(), RateLimits.Window);
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Math.Max(1, (int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = $"{limit};w={(int)RateLimits.Window.TotalSeconds}";
    }
}

/// <summary>A fixed window aligned to the clock (every window starts at a multiple of its length), without queueing.</summary>
public sealed class AlignedWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _windowIndex = long.MinValue;
    private int _used;
    private long _successful;
    private long _failed;

    public static TimeSpan UntilWindowEnds(DateTimeOffset now, TimeSpan window) =>
        TimeSpan.FromTicks(window.Ticks - now.UtcTicks % window.Ticks);

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                var index = now.UtcTicks / window.Ticks;
                return index > _windowIndex ? TimeSpan.FromTicks(now.UtcTicks - Math.Max(0, _windowIndex + 1) * window.Ticks) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Roll();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Roll();
            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _successful++;
                return Lease.Granted;
            }
            _failed++;
            return new Lease(false, UntilWindowEnds(clock.GetUtcNow(), window));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Roll()
    {
        var index = clock.GetUtcNow().UtcTicks / window.Ticks;
        if (index == _windowIndex)
            return;
        _windowIndex = index;
        _used = 0;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
