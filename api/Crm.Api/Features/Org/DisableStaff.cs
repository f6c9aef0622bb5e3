using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record DisableStaffCommand(long Id) : ICommand<Result<StaffDto>>;

/// <summary>A person who leaves (调离/离职) is disabled: sign-in, refresh and their still-valid tokens stop at once.
/// Their customers stay with their unit until handed over.</summary>
public sealed class DisableStaffHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<DisableStaffCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(DisableStaffCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (staff is null)
            return Error.NotFound("人员");
        if (await StaffDeactivation.DisableAsync(db, staff, users.User.StaffId, clock.GetUtcNow(), ct) is { } refused)
            return refused;
        db.MarkAccessChanged();
        if (await AdministratorGuard.SaveKeepingAnAdministratorAsync(db, ct) is { } lastAdministrator)
            return lastAdministrator;
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
