using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record DisableOrgUnitCommand(long Id, int? ExpectedVersion) : ICommand<Result<OrgUnitDto>>;

/// <summary>A unit can be disabled only once it is empty: no active sub-units, staff or customers.</summary>
public sealed class DisableOrgUnitHandler(CrmDbContext db, UserContext users) : ICommandHandler<DisableOrgUnitCommand, Result<OrgUnitDto>>
{
    public async ValueTask<Result<OrgUnitDto>> Handle(DisableOrgUnitCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminOrg))
            return Error.Forbidden("需要组织管理权限（admin.org）。");
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == command.Id, ct);
        if (unit is null)
            return Error.NotFound("组织单元");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, unit.Version) is { } stale)
            return stale;
        if (!unit.IsActive)
            return Error.Conflict("alreadyDisabled", "该单元已停用。");
        if (unit.ParentId is null)
            return Error.Conflict("cannotDisableRoot", "根单元不能停用。");
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == unit.Id && u.IsActive, ct))
            return Error.Conflict("hasActiveSubUnits", "该单元下还有启用的下级单元。");
        if (await db.Staff.AnyAsync(s => s.UnitId == unit.Id && s.IsActive, ct))
            return Error.Conflict("hasActiveStaff", "该单元还有在职人员，请先调动或停用。");
        if (await db.Customers.AnyAsync(c => (c.OwningUnitId == unit.Id || c.ServiceUnitId == unit.Id) && !c.IsArchived, ct))
            return Error.Conflict("hasCustomers", "该单元还有客户，请先移交。");
        unit.Disable();
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return unit.ToDto();
    }
}
