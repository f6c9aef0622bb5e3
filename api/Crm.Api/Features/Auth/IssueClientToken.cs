using System.Security.Claims;
using System.Text;
using System.Text.Json.Serialization;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

/// <summary>RFC 6749 §4.4.2: the client-credentials token request, form-encoded.</summary>
/// <param name="GrantType" example="client_credentials">Must be <c>client_credentials</c>.</param>
/// <param name="ClientId">The client id, when not sent by HTTP Basic authentication.</param>
/// <param name="ClientSecret">The client secret, when not sent by HTTP Basic authentication.</param>
/// <param name="Scope" example="customers:read">Optional, space-delimited: narrows the token to these of the client's scopes.</param>
public sealed record ClientCredentialsRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>RFC 6749 §5.1: an access token for an API client (no refresh token: the client asks again).</summary>
public sealed record ClientTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unauthorized_client, unsupported_grant_type or invalid_scope.</summary>
public sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

/// <param name="BasicAuthorization">The Authorization header when it carries Basic credentials.</param>
public sealed record IssueClientTokenCommand(IReadOnlyDictionary<string, string> Form, string? BasicAuthorization)
    : ICommand<ClientTokenOutcome>;

/// <summary>Either a token or an OAuth error with its status (400, or 401 for invalid_client).</summary>
public sealed record ClientTokenOutcome(ClientTokenResponse? Token, OAuthErrorResponse? Error, int Status)
{
    public static ClientTokenOutcome Fail(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        new(null, new OAuthErrorResponse(error, description), status);
}

/// <summary>
/// The client-credentials grant. The token is the same JWT a person's sign-in gets, for the client's technical staff
/// record, plus <c>client_id</c> and <c>scope</c> claims; every endpoint and access rule therefore applies unchanged.
/// </summary>
public sealed class IssueClientTokenHandler(CrmDbContext db, TokenService tokens, TimeProvider clock) : ICommandHandler<IssueClientTokenCommand, ClientTokenOutcome>
{
    public async ValueTask<ClientTokenOutcome> Handle(IssueClientTokenCommand command, CancellationToken ct)
    {
        var form = command.Form;
        string? clientId, secret;
        var inBody = form.ContainsKey("client_id") || form.ContainsKey("client_secret");
        if (command.BasicAuthorization is { } basic)
        {
            if (inBody)
                return ClientTokenOutcome.Fail("invalid_request", "客户端凭据只能用一种方式提交（HTTP Basic 或请求体）。");
            if (!TryParseBasic(basic, out clientId, out secret))
                return ClientTokenOutcome.Fail("invalid_client", "HTTP Basic 凭据格式不正确。", StatusCodes.Status401Unauthorized);
        }
        else
        {
            clientId = form.GetValueOrDefault("client_id");
            secret = form.GetValueOrDefault("client_secret");
        }

        if (!form.TryGetValue("grant_type", out var grantType) || string.IsNullOrEmpty(grantType))
            return ClientTokenOutcome.Fail("invalid_request", "缺少 grant_type。");
        if (grantType != "client_credentials")
            return ClientTokenOutcome.Fail("unsupported_grant_type", "仅支持 client_credentials 授权方式；人员请以 JSON 提交用户名和密码。");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            return ClientTokenOutcome.Fail("invalid_client", "缺少客户端凭据（client_id 和 client_secret）。", StatusCodes.Status401Unauthorized);

        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        // Unknown client, wrong secret and disabled client answer alike, so none can be told from the others.
        var secretMatches = client is not null && client.SecretMatches(secret);
        var staff = client is null ? null : await db.Staff.SingleOrDefaultAsync(s => s.Id == client.StaffId, ct);
        if (client is null || !secretMatches || !client.IsEnabled || staff is null || !staff.IsActive)
            return ClientTokenOutcome.Fail("invalid_client", "客户端认证失败。", StatusCodes.Status401Unauthorized);

        var held = client.ScopeList;
        var requested = ApiScopes.Parse(form.GetValueOrDefault("scope"));
        if (requested.FirstOrDefault(s => !held.Contains(s, StringComparer.Ordinal)) is { } refused)
            return ClientTokenOutcome.Fail("invalid_scope", $"客户端未被授予授权范围 {refused}。");
        var granted = ApiScopes.Format(requested.Count > 0 ? requested : held);

        client.MarkUsed(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var (token, expiresIn) = tokens.CreateAccessToken(staff, [new Claim(CrmClaims.ClientId, client.ClientId), new Claim(CrmClaims.Scope, granted)]);
        return new ClientTokenOutcome(new ClientTokenResponse(token, "Bearer", expiresIn, granted), null, StatusCodes.Status200OK);
    }

    /// <summary>RFC 6749 §2.3.1: Basic credentials are the form-urlencoded client id and secret.</summary>
    private static bool TryParseBasic(string header, out string? clientId, out string? secret)
    {
        clientId = secret = null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                return false;
            clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
