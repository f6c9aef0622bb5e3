using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.Security;

public sealed class AccessCacheOptions
{
    /// <summary>How long a person's standing and scope are reused. Changes made through this instance clear the
    /// cache at once; other instances that share the database see them after this long at most.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Reads a person's standing and scope from the database, briefly cached, on each request.</summary>
public sealed class AccessCache(IMemoryCache cache, IOptions<AccessCacheOptions> options)
{
    private long _generation;

    /// <summary>Called after any change to staff, positions or the org tree.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<CurrentUser?> GetAsync(CrmDbContext db, long staffId, CancellationToken ct)
    {
        var key = (nameof(AccessCache), staffId, Interlocked.Read(ref _generation));
        if (cache.TryGetValue(key, out CurrentUser? cached))
            return cached;

        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.Id == staffId)
            .Select(s => new { s.Id, s.Username, s.DisplayName, s.SecurityStamp, s.IsActive, s.UnitId, s.Positions, UnitName = s.Unit!.Name, s.Unit.Kind, s.Unit.Path })
            .SingleOrDefaultAsync(ct);
        if (staff is null)
            return null;

        var subtree = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Path.StartsWith(staff.Path))
            .Select(u => u.Id)
            .ToListAsync(ct);

        var user = new CurrentUser(staff.Id, staff.Username, staff.DisplayName, staff.SecurityStamp, staff.IsActive,
            staff.UnitId, staff.UnitName, staff.Kind, staff.Positions,
            Permissions.DefaultFor(staff.Positions, staff.Kind),
            CustomerScope.For(staff.Id, staff.Positions, staff.Kind, subtree));
        cache.Set(key, user, options.Value.Lifetime);
        return user;
    }
}
