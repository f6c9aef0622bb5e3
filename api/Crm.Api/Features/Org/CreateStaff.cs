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

/// <summary>A new member of staff with an initial password.</summary>
public sealed record CreateStaffRequest(
    string Username,
    string DisplayName,
    long UnitId,
    IReadOnlyList<Positions> Positions,
    string? Email,
    string? Phone,
    string Password);

public sealed record CreateStaffCommand(
    string Username,
    string DisplayName,
    long UnitId,
    IReadOnlyList<Positions>? Positions,
    string? Email,
    string? Phone,
    string Password) : ICommand<Result<StaffDto>>;

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

public sealed class CreateStaffHandler(CrmDbContext db, UserContext users, IPasswordHasher<Staff> hasher, AccessCache access)
    : ICommandHandler<CreateStaffCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(CreateStaffCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        if (!await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId && u.IsActive, ct))
            return Error.Field("unitId", "所属单元不存在或已停用。");
        var normalized = Staff.Normalize(command.Username);
        if (await db.Staff.AnyAsync(s => s.NormalizedUsername == normalized, ct))
            return Error.Conflict("duplicateUsername", $"用户名 {command.Username} 已被使用。");

        var staff = new Staff(command.Username.Trim(), command.DisplayName.Trim(), command.UnitId,
            PositionNames.Combine(command.Positions ?? []), command.Email, command.Phone);
        staff.SetPasswordHash(hasher.HashPassword(staff, command.Password));
        db.Staff.Add(staff);
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
