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

public sealed record ResetStaffPasswordRequest(string NewPassword);

public sealed record ResetStaffPasswordCommand(long Id, string NewPassword) : ICommand<Result<Success>>;

public sealed class ResetStaffPasswordValidator : AbstractValidator<ResetStaffPasswordCommand>
{
    public ResetStaffPasswordValidator() => RuleFor(c => c.NewPassword).Password();
}

/// <summary>Sets a new password; every token issued before stops working.</summary>
public sealed class ResetStaffPasswordHandler(CrmDbContext db, UserContext users, IPasswordHasher<Staff> hasher, TimeProvider clock)
    : ICommandHandler<ResetStaffPasswordCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ResetStaffPasswordCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (staff is null)
            return Error.NotFound("人员");
        staff.SetPasswordHash(hasher.HashPassword(staff, command.NewPassword));
        var now = clock.GetUtcNow();
        foreach (var token in await db.RefreshTokens.Where(t => t.StaffId == staff.Id && t.RevokedAt == null).ToListAsync(ct))
            token.Revoke(now);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return new Success();
    }
}
