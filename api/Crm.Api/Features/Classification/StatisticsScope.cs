using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>The customers a statistic covers: live archives the caller may see, optionally one unit (with its sub-units).</summary>
internal static class StatisticsScope
{
    public static async Task<IQueryable<Customer>> CustomersAsync(CrmDbContext db, CurrentUser user, long? unitId, bool includeSubUnits, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db).Where(c => !c.IsArchived);
        if (unitId is not { } id)
            return customers;
        var units = await UnitsAsync(db, id, includeSubUnits, ct);
        return customers.Where(c => units.Contains(c.OwningUnitId));
    }

    public static async Task<List<long>> UnitsAsync(CrmDbContext db, long unitId, bool includeSubUnits, CancellationToken ct)
    {
        if (!includeSubUnits)
            return [unitId];
        var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
        return await db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct);
    }
}
