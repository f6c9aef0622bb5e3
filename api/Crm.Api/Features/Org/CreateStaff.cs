using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

/// <summary>A new member of staff with an initial password. Without <paramref name="RoleIds"/> the person gets the
/// default roles of their positions and unit.</summary>
public sealed record CreateStaffRequest(
    string Username,
    string DisplayName,
    long UnitId,
    IReadOnlyList<Positions> Positions,
    string? Email,
    string? Phone,
    string Password,
    IReadOnlyList<long>? RoleIds = null);

public sealed record CreateStaffCommand(
    string Username,
    string DisplayName,
    long UnitId,
    IReadOnlyList<Positions>? Positions,
    string? Email,
    string? Phone,
    string Password,
    IReadOnlyList<long>? RoleIds) : ICommand<Result<StaffDto>>;

public sealed class CreateStaffValidator : AbstractValidator<CreateStaffCommand>
{
    public CreateStaffValidator()
    {
        RuleFor(c => c.Username).NotEmpty().Length(2, 64).Matches("^[A-Za-z0-9._-]+$").WithMessage("用户名只能包含字母、数字、点、下划线和连字符（2–64 位）。");
        RuleFor(c => c.DisplayName).DisplayName();
        RuleFor(c => c.UnitId).GreaterThan(0);
        RuleFor(c => c.Positions).Positions();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c.Password).Password();
    }
}

public sealed class CreateStaffHandler(CrmDbContext db, UserContext users, IPasswordHasher<Staff> hasher)
    : ICommandHandler<CreateStaffCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(CreateStaffCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var unitKind = await db.OrgUnits.Where(u => u.Id == command.UnitId && u.IsActive).Select(u => (OrgUnitKind?)u.Kind).SingleOrDefaultAsync(ct);
        if (unitKind is null)
            return Error.Field("unitId", "所属单元不存在或已停用。");
        var normalized = Staff.Normalize(command.Username);
        if (await db.Staff.AnyAsync(s => s.NormalizedUsername == normalized, ct))
            return Error.Conflict("duplicateUsername", $"用户名 {command.Username} 已被使用。");

        var staff = new Staff(command.Username.Trim(), command.DisplayName.Trim(), command.UnitId,
            PositionNames.Combine(command.Positions ?? []), command.Email, command.Phone);
        staff.SetPasswordHash(hasher.HashPassword(staff, command.Password));
        var positions = PositionNames.Combine(command.Positions ?? []);
        var roleIds = command.RoleIds ?? await RoleCatalog.DefaultRoleIdsAsync(db, positions, unitKind.Value, ct);
        if (await db.Roles.CountAsync(r => roleIds.Contains(r.Id), ct) != roleIds.Distinct().Count())
            return Error.Field("roleIds", "角色不存在。");
        staff.AssignRoles(roleIds);
        db.Staff.Add(staff);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
