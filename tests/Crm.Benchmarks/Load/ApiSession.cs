using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crm.Benchmarks.Load;

/// <summary>A signed-in user. The access token is replaced by a fresh sign-in shortly before it expires.</summary>
internal sealed class ApiSession(HttpClient http, string username, string password)
{
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private AuthenticationHeaderValue? _authorization;
    private DateTimeOffset _renewAt;

    public string Username => username;

    public async Task<AuthenticationHeaderValue> AuthorizationAsync(CancellationToken ct)
    {
        if (_authorization is { } current && DateTimeOffset.UtcNow < _renewAt)
            return current;
        await _renewing.WaitAsync(ct);
        try
        {
            if (_authorization is null || DateTimeOffset.UtcNow >= _renewAt)
                await SignInAsync(ct);
            return _authorization!;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private async Task SignInAsync(CancellationToken ct)
    {
        // A buffered body carries Content-Length; some servers and proxies refuse chunked request bodies.
        using var content = new StringContent(JsonSerializer.Serialize(new { username, password }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/v1/auth/token", content, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {username} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var accessToken = body.RootElement.GetProperty("accessToken").GetString()!;
        var expiresIn = TimeSpan.FromSeconds(body.RootElement.GetProperty("expiresIn").GetInt32());
        _authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _renewAt = DateTimeOffset.UtcNow + (expiresIn > RenewBeforeExpiry * 2 ? expiresIn - RenewBeforeExpiry : expiresIn / 2);
    }

    public async Task<JsonDocument> GetJsonAsync(string pathAndQuery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = await AuthorizationAsync(ct);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {pathAndQuery} as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    public async Task<JsonDocument> PostJsonAsync(string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = await AuthorizationAsync(ct);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Sends one measured request and reads the whole body, as a real client would.</summary>
    public async Task<bool> SendAsync(string pathAndQuery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = await AuthorizationAsync(ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}
