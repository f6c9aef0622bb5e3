using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

/// <summary>The complete set of roles the person holds from now on.</summary>
public sealed record SetStaffRolesRequest(IReadOnlyList<long> RoleIds);

public sealed record SetStaffRolesCommand(long Id, IReadOnlyList<long>? RoleIds, int? ExpectedVersion) : ICommand<Result<StaffDto>>;

public sealed class SetStaffRolesValidator : AbstractValidator<SetStaffRolesCommand>
{
    public SetStaffRolesValidator()
    {
        RuleFor(c => c.RoleIds).NotNull().Must(ids => ids is null || ids.Count <= 50).WithMessage("一个人最多担任 50 个角色。");
        RuleForEach(c => c.RoleIds).GreaterThan(0);
    }
}

/// <summary>Replaces a person's roles (admin.users). Takes effect on their next request; the last administrator stays.</summary>
public sealed class SetStaffRolesHandler(CrmDbContext db, UserContext users) : ICommandHandler<SetStaffRolesCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(SetStaffRolesCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var staff = await db.Staff.Include(s => s.Roles).SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (staff is null)
            return Error.NotFound("人员");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, staff.Version) is { } stale)
            return stale;
        var roleIds = command.RoleIds!.Distinct().ToList();
        if (await db.Roles.CountAsync(r => roleIds.Contains(r.Id), ct) != roleIds.Count)
            return Error.Field("roleIds", "角色不存在。");

        if (staff.AssignRoles(roleIds))
        {
            db.MarkAccessChanged();
            if (await AdministratorGuard.SaveKeepingAnAdministratorAsync(db, ct) is { } lastAdministrator)
                return lastAdministrator;
        }
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
