namespace Crm.Api.Domain.Integration;

/// <summary>
/// One Idempotency-Key of one caller (draft-ietf-httpapi-idempotency-key-header): claimed by inserting the row
/// (the unique (Scope, Key) index makes the claim atomic across instances), completed with the response to replay.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string scope, string key, string fingerprint, string method, string path, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Scope = scope;
        Key = key;
        Fingerprint = fingerprint;
        Method = method;
        Path = path;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    /// <summary>Whose key: <c>client:crm_…</c> for an API client, <c>user:42</c> for a person.</summary>
    public string Scope { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of method, path with query, and body.</summary>
    public string Fingerprint { get; private set; } = "";

    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Null while the first request is still being processed.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public int? StatusCode { get; private set; }

    /// <summary>The replayed response headers as JSON (name → value).</summary>
    public string? ResponseHeaders { get; private set; }

    public byte[]? ResponseBody { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public void Complete(int statusCode, string headers, byte[] body, DateTimeOffset now)
    {
        StatusCode = statusCode;
        ResponseHeaders = headers;
        ResponseBody = body;
        CompletedAt = now;
    }
}
