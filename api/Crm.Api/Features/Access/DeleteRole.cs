using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record DeleteRoleCommand(long Id) : ICommand<Result<Success>>;

/// <summary>Deletes a role nobody holds; built-in roles stay (they can be edited instead).</summary>
public sealed class DeleteRoleHandler(CrmDbContext db, UserContext users) : ICommandHandler<DeleteRoleCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteRoleCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminRoles))
            return Error.Forbidden("需要角色管理权限（admin.roles）。");
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == command.Id, ct);
        if (role is null)
            return Error.NotFound("角色");
        if (role.IsBuiltIn)
            return Error.Conflict("builtInRole", "内置角色不能删除，可以修改其权限。");
        if (await db.StaffRoles.AnyAsync(sr => sr.RoleId == role.Id, ct))
            return Error.Conflict("roleInUse", "仍有人员担任该角色，请先调整他们的角色。");
        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
        return new Success();
    }
}
