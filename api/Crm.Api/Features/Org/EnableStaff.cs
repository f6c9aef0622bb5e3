using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record EnableStaffCommand(long Id) : ICommand<Result<StaffDto>>;

public sealed class EnableStaffHandler(CrmDbContext db, UserContext users) : ICommandHandler<EnableStaffCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(EnableStaffCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (staff is null)
            return Error.NotFound("人员");
        if (staff.IsActive)
            return Error.Conflict("alreadyActive", "该人员已启用。");
        staff.Enable();
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
