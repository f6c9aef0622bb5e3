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
    private static readonly Func<CrmDbContext, CancellationToken, Task<long>> ReadStamp = EF.CompileAsyncQuery((CrmDbContext db, CancellationToken ct) =>
        db.AccessStamps.Where(s => s.Id == AccessStamp.SingletonId).Select(s => s.Version).Single());

    /// <summary>The person as of now: standing from the cache while the stamp is unchanged, grants filtered by time.</summary>
    public async Task<CurrentUser?> GetAsync(CrmDbContext db, long staffId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await GetStandingAsync(db, staffId, now, ct);
        if (user is null || user.GrantWindows.Count == 0)
            return user;
        return user with { ActiveGrants = GrantWindow.ActiveAt(user.GrantWindows, now) };
    }

    private async Task<CurrentUser?> GetStandingAsync(CrmDbContext db, long staffId, DateTimeOffset now, CancellationToken ct)
    {
        var stamp = await ReadStamp(db, ct);
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

        // Every grant change moves the stamp, so the unexpired grants can be kept with the standing.
        var grants = await db.AccessGrants.AsNoTracking()
            .Where(g => g.GranteeId == staffId && g.RevokedAt == null && g.ExpiresAt > now)
            .Select(g => new GrantWindow(g.CustomerId, g.Id, g.StartsAt, g.ExpiresAt))
            .ToListAsync(ct);

        var permissions = DefaultRoles.Effective(roles.SelectMany(r => r.Grants).Select(g => new PermissionGrant(g.Permission, g.Scope)));
        var user = new CurrentUser(staff.Id, staff.Username, staff.DisplayName, staff.SecurityStamp, staff.IsActive, staff.UnitId, staff.UnitName,
            staff.Kind, staff.Positions, roles.Select(r => r.Code).Order(StringComparer.Ordinal).ToList(), permissions, subtree) { GrantWindows = grants };
        cache.Set(key, user, options.Value.Lifetime);
        return user;
    }
}
