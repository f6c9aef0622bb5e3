using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Auth;
using Crm.Api.Domain.Org;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Features.Auth;

/// <summary>The pair a sign-in or a refresh answers with.</summary>
/// <param name="AccessToken">JWT for the <c>Authorization: Bearer</c> header.</param>
/// <param name="ExpiresIn">Seconds until the access token expires (at most 900).</param>
/// <param name="RefreshToken">Opaque, single-use; exchange it at <c>/api/v1/auth/refresh</c>.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token stops working.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

public static class CrmClaims
{
    public const string SecurityStamp = "stamp";

    /// <summary>RFC 9068: the API client a token was issued to (absent in a person's token).</summary>
    public const string ClientId = "client_id";

    /// <summary>RFC 9068: the granted scopes, space-delimited; they narrow the permissions of the client's role.</summary>
    public const string Scope = "scope";
}

/// <summary>Issues access tokens and refresh tokens. Refresh tokens are stored only as a SHA-256 hash.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider clock)
{
    public TokenResponse Issue(CrmDbContext db, Staff staff, Guid familyId)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (access, expiresIn) = CreateAccessToken(staff, []);

        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refreshExpires = now.AddDays(o.RefreshTokenDays);
        db.RefreshTokens.Add(new RefreshToken(staff.Id, Hash(refresh), familyId, now, refreshExpires));
        return new TokenResponse(access, "Bearer", expiresIn, refresh, refreshExpires);
    }

    /// <summary>The access JWT alone: what a sign-in issues, plus <paramref name="extraClaims"/> (an API client's id and scope).</summary>
    public (string Token, int ExpiresIn) CreateAccessToken(Staff staff, IEnumerable<Claim> extraClaims)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(o.AccessTokenMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(JwtRegisteredClaimNames.UniqueName, staff.Username),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(CrmClaims.SecurityStamp, staff.SecurityStamp),
                ..extraClaims,
            ]),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), (int)(expires - now).TotalSeconds);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The signing key: from configuration, or — in Development only — a random one per process.</summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment, ILogger<SigningKeyProvider> logger)
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException("Jwt:SigningKey is required outside Development.");
        logger.LogWarning("No Jwt:SigningKey configured: using a random development key; tokens end with the process.");
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Refuses start-up on a missing (outside Development) or short key.</summary>
    public static void Validate(JwtOptions options, IHostEnvironment environment)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    "Jwt:SigningKey is required outside Development (set the Jwt__SigningKey environment variable to at least 32 random bytes).");
            return;
        }
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
            throw new InvalidOperationException($"Jwt:SigningKey is too short: at least {JwtOptions.MinimumKeyBytes} bytes are required.");
    }
}
