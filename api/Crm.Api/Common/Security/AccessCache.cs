using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.Security;

public sealed class AccessCacheOptions
{
    /// <summary>How long an unchanged person's standing is kept in memory. Any change to roles, staff or the
    /// organisation (through any instance) moves the access stamp and applies on the next request regardless.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Reads a person's standing, roles and permissions. Each request reads the one-row access stamp; the cached
/// standing is reused only while the stamp is unchanged, so revocations apply on the very next request.
/// </summary>
public sealed class AccessCache(IMemoryCache cache, IOptions<AccessCacheOptions> options)
{
    /// <summary>Marks that roles, staff or the organisation changed; saved with the caller's next SaveChanges.</summary>
    public async Task MarkChangedAsync(CrmDbContext db, CancellationToken ct)
    {
        var stamp = await db.AccessStamps.SingleAsync(s => s.Id == AccessStamp.SingletonId, ct);
        stamp.Bump();
    }

    public async Task<CurrentUser?> GetAsync(CrmDbContext db, long staffId, CancellationToken ct)
    {
        var stamp = await db.AccessStamps.AsNoTracking().Where(s => s.Id == AccessStamp.SingletonId).Select(s => s.Version).SingleAsync(ct);
        var key = (nameof(AccessCache), staffId, stamp);
        if (cache.TryGetValue(key, out CurrentUser? cached))
            return cached;

        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.Id == staffId)
            .Select(s => new { s.Id, s.Username, s.DisplayName, s.SecurityStamp, s.IsActive, s.UnitId, s.Positions, UnitName = s.Unit!.Name, s.Unit.Kind, s.Unit.Path })
            .SingleOrDefaultAsync(ct);
        if (staff is null)
            return null;

        var subtree = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(staff.Path)).Select(u => u.Id).ToListAsync(ct);
        var roles = await db.StaffRoles.AsNoTracking().Where(sr => sr.StaffId == staffId)
            .Join(db.Roles, sr => sr.RoleId, r => r.Id, (_, r) => r)
            .Select(r => new { r.Code, Grants = r.Permissions.Select(p => new { p.Permission, p.Scope }).ToList() })
            .ToListAsync(ct);

        var permissions = DefaultRoles.Effective(roles.SelectMany(r => r.Grants).Select(g => new PermissionGrant(g.Permission, g.Scope)));
        var user = new CurrentUser(staff.Id, staff.Username, staff.DisplayName, staff.SecurityStamp, staff.IsActive, staff.UnitId, staff.UnitName,
            staff.Kind, staff.Positions, roles.Select(r => r.Code).Order(StringComparer.Ordinal).ToList(), permissions, subtree);
        cache.Set(key, user, options.Value.Lifetime);
        return user;
    }

    /// <summary>Adds the person's access grants active at <paramref name="now"/>; they expire by time, so they are read every request.</summary>
    public static async Task<CurrentUser> WithActiveGrantsAsync(CrmDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var grants = await db.AccessGrants.AsNoTracking()
            .Where(g => g.GranteeId == user.StaffId && g.RevokedAt == null && g.StartsAt <= now && g.ExpiresAt > now)
            .Select(g => new { g.CustomerId, g.Id })
            .ToListAsync(ct);
        return grants.Count == 0 ? user : user with { ActiveGrants = grants.GroupBy(g => g.CustomerId).ToDictionary(g => g.Key, g => g.Max(x => x.Id)) };
    }
}
