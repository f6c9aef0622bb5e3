using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

/// <summary>The role's new name, description and complete list of grants.</summary>
public sealed record UpdateRoleRequest(string Name, string? Description, IReadOnlyList<PermissionGrant> Grants);

public sealed record UpdateRoleCommand(long Id, string Name, string? Description, IReadOnlyList<PermissionGrant>? Grants, int? ExpectedVersion)
    : ICommand<Result<RoleDto>>;

public sealed class UpdateRoleValidator : AbstractValidator<UpdateRoleCommand>
{
    public UpdateRoleValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.Grants).NotNull().Must(g => g is null || g.Count <= 100).WithMessage("权限条目过多。");
        RuleForEach(c => c.Grants).SetValidator(new PermissionGrantValidator());
    }
}

/// <summary>Changes what a role grants (admin.roles); every holder's next request uses the new grants.</summary>
public sealed class UpdateRoleHandler(CrmDbContext db, UserContext users) : ICommandHandler<UpdateRoleCommand, Result<RoleDto>>
{
    public async ValueTask<Result<RoleDto>> Handle(UpdateRoleCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminRoles))
            return Error.Forbidden("需要角色管理权限（admin.roles）。");
        var role = await db.Roles.Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Id == command.Id, ct);
        if (role is null)
            return Error.NotFound("角色");
        if (Preconditions.Check(command.ExpectedVersion, role.Version) is { } stale)
            return stale;
        role.Update(command.Name.Trim(), command.Description, command.Grants!);
        db.MarkAccessChanged();
        if (await AdministratorGuard.SaveKeepingAnAdministratorAsync(db, ct) is { } lastAdministrator)
            return lastAdministrator;
        return (await RoleReader.ReadAsync(db, role.Id, ct))!;
    }
}
