using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record CreateRoleRequest(string Code, string Name, string? Description, IReadOnlyList<PermissionGrant> Grants);

public sealed record CreateRoleCommand(string Code, string Name, string? Description, IReadOnlyList<PermissionGrant>? Grants) : ICommand<Result<RoleDto>>;

public sealed class CreateRoleValidator : AbstractValidator<CreateRoleCommand>
{
    public CreateRoleValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(50).Matches("^[a-z0-9][a-z0-9.-]*$").WithMessage("角色编码只能包含小写字母、数字、点和连字符。");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.Grants).NotNull().Must(g => g is null || g.Count <= 100).WithMessage("权限条目过多。");
        RuleForEach(c => c.Grants).SetValidator(new PermissionGrantValidator());
    }
}

public sealed class CreateRoleHandler(CrmDbContext db, UserContext users) : ICommandHandler<CreateRoleCommand, Result<RoleDto>>
{
    public async ValueTask<Result<RoleDto>> Handle(CreateRoleCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminRoles))
            return Error.Forbidden("需要角色管理权限（admin.roles）。");
        if (await db.Roles.AnyAsync(r => r.Code == command.Code, ct))
            return Error.Conflict("duplicateCode", $"角色编码 {command.Code} 已被使用。");
        var role = new Role(command.Code, command.Name.Trim(), command.Description, isBuiltIn: false, command.Grants!);
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return (await RoleReader.ReadAsync(db, role.Id, ct))!;
    }
}
