using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using Crm.Api.Features.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Crm.Api.Common.Http;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its response are kept (the draft asks for at least 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A key still in flight after this long is taken to belong to a request whose instance died; it may be claimed again.</summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each instance deletes expired keys.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header) on every POST and PATCH under
/// /api/v1 except sign-in and tokens. Keys are per caller (API client or person). The first request claims its key
/// by inserting a row — the unique (scope, key) index makes the claim atomic across instances — and its response is
/// stored; a retry with the same body gets that response replayed (with <c>Idempotent-Replayed: true</c>) and no second
/// side effect; the same key with another body is 422, and a retry while the first is still running is 409. Server
/// errors and 429 are not stored, so the request can be retried with the same key.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    private static readonly string[] ReplayedHeaders = ["Content-Type", "Location", "ETag", "Cache-Control", "Content-Language"];

    public static IServiceCollection AddCrmIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.Retention >= TimeSpan.FromHours(24), "Idempotency:Retention must be at least 24 hours.")
            .Validate(o => o.InFlightTimeout > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, "Idempotency intervals must be positive.")
            .ValidateOnStart();
        services.AddHostedService<IdempotencyPurger>();
        return services;
    }

    /// <summary>After authentication and authorization: keys are scoped to the caller.</summary>
    public static IApplicationBuilder UseCrmIdempotency(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!Applies(http.Request) || !http.Request.Headers.TryGetValue(HeaderName, out var values) || Scope(http) is not { } scope)
        {
            await next(http);
            return;
        }
        await HandleAsync(http, next, scope, values.ToString());
    });

    /// <summary>POST and PATCH under /api/v1, except the anonymous sign-in and token routes.</summary>
    public static bool Applies(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method))
        && request.Path.StartsWithSegments("/api/v1")
        && !request.Path.StartsWithSegments("/api/v1/auth");

    public static bool AppliesTo(string method, string path) =>
        (string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase))
        && path.StartsWith("/api/v1/", StringComparison.Ordinal) && !path.StartsWith("/api/v1/auth/", StringComparison.Ordinal);

    private static string? Scope(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
            return null;
        if (user.FindFirst(CrmClaims.ClientId)?.Value is { } clientId)
            return "client:" + clientId;
        return user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } subject ? "user:" + subject : null;
    }

    private static async Task HandleAsync(HttpContext http, RequestDelegate next, string scope, string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            await Error.Field("Idempotency-Key", $"Idempotency-Key 须为 1–{MaxKeyLength} 个字符。", "idempotencyKeyInvalid").ToProblem(http).ExecuteAsync(http);
            return;
        }
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<IdempotencyOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var ct = http.RequestAborted;
        var fingerprint = await FingerprintAsync(http.Request, ct);

        IdempotencyRecord? claimed = null;
        for (var attempt = 0; claimed is null; attempt++)
        {
            var now = clock.GetUtcNow();
            await using var lookup = scopes.CreateAsyncScope();
            var db = lookup.ServiceProvider.GetRequiredService<CrmDbContext>();
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
            if (existing is not null && (existing.ExpiresAt <= now || (!existing.IsCompleted && existing.CreatedAt + options.InFlightTimeout <= now)))
            {
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(ct);
                existing = null;
            }
            if (existing is not null)
            {
                if (!existing.IsCompleted)
                    await Refuse(http, ErrorKind.Conflict, "idempotencyKeyInFlight", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。");
                else if (existing.Fingerprint != fingerprint)
                    await Refuse(http, null, "idempotencyKeyReused", "该 Idempotency-Key 已用于另一个请求（方法、路径或请求体不同）：请为新请求使用新的键。");
                else
                    await ReplayAsync(http, existing, ct);
                return;
            }

            var record = new IdempotencyRecord(scope, key, fingerprint, http.Request.Method, Truncate(http.Request.Path + http.Request.QueryString, 2000),
                now, now + options.Retention);
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                claimed = record;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e) && attempt == 0)
            {
                // Another request claimed the key between the lookup and the insert: look again.
            }
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await ReleaseAsync(scopes, claimed.Id);
            throw;
        }
        http.Response.Body = original;

        var status = http.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests)
            await ReleaseAsync(scopes, claimed.Id);
        else
        {
            await using var complete = scopes.CreateAsyncScope();
            var db = complete.ServiceProvider.GetRequiredService<CrmDbContext>();
            var record = await db.IdempotencyRecords.SingleAsync(r => r.Id == claimed.Id, CancellationToken.None);
            record.Complete(status, JsonSerializer.Serialize(StoredHeaders(http.Response)), buffer.ToArray(), clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    private static Dictionary<string, string> StoredHeaders(HttpResponse response) =>
        ReplayedHeaders.Where(h => response.Headers.ContainsKey(h)).ToDictionary(h => h, h => response.Headers[h].ToString());

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, CancellationToken ct)
    {
        http.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(record.ResponseHeaders ?? "{}") ?? [])
            http.Response.Headers[name] = value;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ResponseBody is { Length: > 0 } body)
            await http.Response.Body.WriteAsync(body, ct);
    }

    private static async Task Refuse(HttpContext http, ErrorKind? kind, string code, string detail)
    {
        if (kind is { } k)
        {
            await new Error(k, code, detail).ToProblem(http).ExecuteAsync(http);
            return;
        }
        // 422 has no ErrorKind of its own: it is only ever this middleware's answer.
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: ProblemResults.TitleFor(422),
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
    }

    private static async Task ReleaseAsync(IServiceScopeFactory scopes, long id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().IdempotencyRecords.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>SHA-256 over method, path with query and body: the same key with anything else is another request.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method.ToUpperInvariant()}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}

/// <summary>Deletes expired keys on each instance; a key found expired on use is deleted then too.</summary>
internal sealed class IdempotencyPurger(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow();
                var purged = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().IdempotencyRecords
                    .Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                if (purged > 0)
                    logger.LogInformation("Purged {Count} expired idempotency keys", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging expired idempotency keys failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
