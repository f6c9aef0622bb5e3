using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record MoveOrgUnitRequest(long NewParentId);

public sealed record MoveOrgUnitCommand(long Id, long NewParentId, int? ExpectedVersion) : ICommand<Result<OrgUnitDto>>;

public sealed class MoveOrgUnitValidator : AbstractValidator<MoveOrgUnitCommand>
{
    public MoveOrgUnitValidator() => RuleFor(c => c.NewParentId).GreaterThan(0);
}

/// <summary>Moves a unit with its whole sub-tree; visibility by unit sub-tree follows at once.</summary>
public sealed class MoveOrgUnitHandler(CrmDbContext db, UserContext users) : ICommandHandler<MoveOrgUnitCommand, Result<OrgUnitDto>>
{
    public async ValueTask<Result<OrgUnitDto>> Handle(MoveOrgUnitCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminOrg))
            return Error.Forbidden("需要组织管理权限（admin.org）。");
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == command.Id, ct);
        if (unit is null)
            return Error.NotFound("组织单元");
        if (Preconditions.Check(command.ExpectedVersion, unit.Version) is { } stale)
            return stale;
        if (unit.ParentId is null)
            return Error.Conflict("cannotMoveRoot", "根单元不能移动。");
        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == command.NewParentId, ct);
        if (parent is null || !parent.IsActive)
            return Error.Field("newParentId", "目标上级单元不存在或已停用。");
        if (parent.IsInSubtreeOf(unit))
            return Error.Conflict("cycle", "不能把单元移动到它自己或它的下级单元之下。");

        var oldPath = unit.Path;
        var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
        unit.MoveUnder(parent);
        foreach (var descendant in descendants)
            descendant.RebasePath(oldPath, unit.Path);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return unit.ToDto();
    }
}
