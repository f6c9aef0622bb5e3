using System.Security.Cryptography;
using System.Text;
using Crm.Api.Domain.Access;

namespace Crm.Api.Domain.Integration;

/// <summary>
/// A third-party system (ERP, finance, marketing) that signs in with the OAuth 2.0 client-credentials grant.
/// It acts through a technical staff record (<see cref="StaffId"/>) holding a dedicated role
/// (<see cref="RoleId"/>) whose grants follow the client's scopes and data scope, so history, the read log and
/// every access rule attribute and limit its actions exactly like a person's.
/// </summary>
public sealed class ApiClient
{
    public const string ClientIdPrefix = "crm_";
    public const string SecretPrefix = "crs_";

    private ApiClient() { }

    public ApiClient(string name, string clientId, string secretHash, IEnumerable<string> scopes, DataScope dataScope, long unitId,
        long staffId, long roleId, long createdById, DateTimeOffset now)
    {
        Name = name;
        ClientId = clientId;
        SecretHash = secretHash;
        Scopes = ApiScopes.Format(scopes);
        DataScope = dataScope;
        UnitId = unitId;
        StaffId = staffId;
        RoleId = roleId;
        CreatedById = createdById;
        CreatedAt = now;
        SecretRotatedAt = now;
        IsEnabled = true;
        Version = 1;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Public identifier, <c>crm_</c> + 16 hex digits.</summary>
    public string ClientId { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    /// <summary>Space-delimited, ordered (the OAuth <c>scope</c> form).</summary>
    public string Scopes { get; private set; } = "";

    public DataScope DataScope { get; private set; }
    public long UnitId { get; private set; }
    public long StaffId { get; private set; }
    public long RoleId { get; private set; }
    public bool IsEnabled { get; private set; }
    public long CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset SecretRotatedAt { get; private set; }

    /// <summary>When the client last obtained an access token.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<string> ScopeList => ApiScopes.Parse(Scopes);

    public void Update(string name, IEnumerable<string> scopes, DataScope dataScope, long unitId, bool enabled)
    {
        Name = name;
        Scopes = ApiScopes.Format(scopes);
        DataScope = dataScope;
        UnitId = unitId;
        IsEnabled = enabled;
        Version++;
    }

    public void RotateSecret(string secretHash, DateTimeOffset now)
    {
        SecretHash = secretHash;
        SecretRotatedAt = now;
        Version++;
    }

    public void Disable()
    {
        IsEnabled = false;
        Version++;
    }

    public void Enable()
    {
        IsEnabled = true;
        Version++;
    }

    /// <summary>The code of the client's dedicated role.</summary>
    public static string RoleCodeFor(string clientId) => "api-client:" + clientId;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    public static string NewClientId() => ClientIdPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    /// <summary>256 random bits, base64url, behind a recognisable prefix (secret scanners can spot a leaked one).</summary>
    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256, not PBKDF2: the secret is 256 random bits generated here, so it cannot be guessed from a dictionary
    /// and a slow hash would only add per-request cost; a leaked hash still does not reveal the secret.
    /// </summary>
    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(SecretHash));
}
