namespace Crm.Api.Domain.Auth;

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. Tokens of one login form a family: each refresh rotates the
/// token, and presenting a rotated token again means it was stolen, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken() { }

    public RefreshToken(long staffId, string tokenHash, Guid familyId, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        StaffId = staffId;
        TokenHash = tokenHash;
        FamilyId = familyId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }
    public long StaffId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid FamilyId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RotatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && ExpiresAt > now;

    public void MarkRotated(DateTimeOffset at) => RotatedAt = at;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
