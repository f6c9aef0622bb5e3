using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record GetOrgUnitQuery(long Id) : IQuery<Result<OrgUnitDto>>;

public sealed class GetOrgUnitHandler(CrmDbContext db) : IQueryHandler<GetOrgUnitQuery, Result<OrgUnitDto>>
{
    public async ValueTask<Result<OrgUnitDto>> Handle(GetOrgUnitQuery query, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id, ct);
        return unit is null ? Error.NotFound("组织单元") : unit.ToDto();
    }
}
