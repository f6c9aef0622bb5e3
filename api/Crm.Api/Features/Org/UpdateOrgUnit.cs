using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record UpdateOrgUnitRequest(string Name, string Code, OrgUnitKind Kind);

public sealed record UpdateOrgUnitCommand(long Id, string Name, string Code, OrgUnitKind Kind, int? ExpectedVersion) : ICommand<Result<OrgUnitDto>>;

public sealed class UpdateOrgUnitValidator : AbstractValidator<UpdateOrgUnitCommand>
{
    public UpdateOrgUnitValidator()
    {
        RuleFor(c => c.Name).UnitName();
        RuleFor(c => c.Code).UnitCode();
        RuleFor(c => c.Kind).Kind();
    }
}

public sealed class UpdateOrgUnitHandler(CrmDbContext db, UserContext users) : ICommandHandler<UpdateOrgUnitCommand, Result<OrgUnitDto>>
{
    public async ValueTask<Result<OrgUnitDto>> Handle(UpdateOrgUnitCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminOrg))
            return Error.Forbidden("需要组织管理权限（admin.org）。");
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == command.Id, ct);
        if (unit is null)
            return Error.NotFound("组织单元");
        if (Preconditions.Check(command.ExpectedVersion, unit.Version) is { } stale)
            return stale;
        if (unit.Code != command.Code && await db.OrgUnits.AnyAsync(u => u.Code == command.Code, ct))
            return Error.Conflict("duplicateCode", $"编码 {command.Code} 已被使用。");
        unit.Rename(command.Name.Trim(), command.Code, command.Kind);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return unit.ToDto();
    }
}
