using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

/// <summary>A new unit under an existing one.</summary>
public sealed record CreateOrgUnitRequest(string Name, string Code, OrgUnitKind Kind, long ParentId);

public sealed record CreateOrgUnitCommand(string Name, string Code, OrgUnitKind Kind, long ParentId) : ICommand<Result<OrgUnitDto>>;

public sealed class CreateOrgUnitValidator : AbstractValidator<CreateOrgUnitCommand>
{
    public CreateOrgUnitValidator()
    {
        RuleFor(c => c.Name).UnitName();
        RuleFor(c => c.Code).UnitCode();
        RuleFor(c => c.Kind).Kind();
        RuleFor(c => c.ParentId).GreaterThan(0);
    }
}

public sealed class CreateOrgUnitHandler(CrmDbContext db, UserContext users) : ICommandHandler<CreateOrgUnitCommand, Result<OrgUnitDto>>
{
    public async ValueTask<Result<OrgUnitDto>> Handle(CreateOrgUnitCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminOrg))
            return Error.Forbidden("需要组织管理权限（admin.org）。");
        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == command.ParentId, ct);
        if (parent is null || !parent.IsActive)
            return Error.Field("parentId", "上级单元不存在或已停用。");
        if (await db.OrgUnits.AnyAsync(u => u.Code == command.Code, ct))
            return Error.Conflict("duplicateCode", $"编码 {command.Code} 已被使用。");

        var unit = new OrgUnit(command.Name.Trim(), command.Code, command.Kind, parent);
        db.OrgUnits.Add(unit);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        unit.AssignPath();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return unit.ToDto();
    }
}
