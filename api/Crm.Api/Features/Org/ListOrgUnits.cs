using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record ListOrgUnitsQuery(bool IncludeInactive) : IQuery<IReadOnlyList<OrgUnitDto>>;

public sealed class ListOrgUnitsHandler(CrmDbContext db) : IQueryHandler<ListOrgUnitsQuery, IReadOnlyList<OrgUnitDto>>
{
    public async ValueTask<IReadOnlyList<OrgUnitDto>> Handle(ListOrgUnitsQuery query, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => query.IncludeInactive || u.IsActive)
            .ToListAsync(ct);
        // Ordered by path so a parent always precedes its children (a depth-first listing of the tree).
        return units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => u.ToDto()).ToList();
    }
}
