using System.ComponentModel.DataAnnotations;

namespace Crm.Api.Common.Security;

public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;

    /// <summary>HMAC-SHA256 signing key, at least 32 bytes (UTF-8). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "crm";
    public string Audience { get; set; } = "crm";

    [Range(1, 15)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(0, 30)]
    public int ClockSkewSeconds { get; set; } = 30;
}

public sealed class LoginThrottleOptions
{
    /// <summary>Failed sign-ins for one user name (or from one address) before it is locked out.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Higher than per user: one office behind one address must not lock itself out.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(5);
}
