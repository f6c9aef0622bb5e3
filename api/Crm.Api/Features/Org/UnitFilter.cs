using Crm.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

/// <summary>The "unit (with sub-units)" filter of lists and boards, as the unit ids to match.</summary>
public static class UnitFilter
{
    /// <summary>The unit alone, or it and every unit below it; null when there is no such unit.</summary>
    public static async Task<List<long>?> UnitIdsAsync(CrmDbContext db, long unitId, bool includeSubUnits, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (path is null)
            return null;
        return includeSubUnits ? await db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct) : [unitId];
    }
}
