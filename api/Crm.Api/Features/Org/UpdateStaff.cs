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

public sealed record UpdateStaffRequest(string DisplayName, long UnitId, IReadOnlyList<Positions> Positions, string? Email, string? Phone);

public sealed record UpdateStaffCommand(long Id, string DisplayName, long UnitId, IReadOnlyList<Positions>? Positions, string? Email, string? Phone, int? ExpectedVersion)
    : ICommand<Result<StaffDto>>;

public sealed class UpdateStaffValidator : AbstractValidator<UpdateStaffCommand>
{
    public UpdateStaffValidator()
    {
        RuleFor(c => c.DisplayName).DisplayName();
        RuleFor(c => c.UnitId).GreaterThan(0);
        RuleFor(c => c.Positions).Positions();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Phone).Phone();
    }
}

/// <summary>Changes a person's unit or positions; their access changes on their next request.</summary>
public sealed class UpdateStaffHandler(CrmDbContext db, UserContext users) : ICommandHandler<UpdateStaffCommand, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(UpdateStaffCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AdminUsers))
            return Error.Forbidden("需要人员管理权限（admin.users）。");
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (staff is null)
            return Error.NotFound("人员");
        if (Preconditions.Check(command.ExpectedVersion, staff.Version) is { } stale)
            return stale;
        if (!await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId && u.IsActive, ct))
            return Error.Field("unitId", "所属单元不存在或已停用。");
        staff.Update(command.DisplayName.Trim(), command.UnitId, PositionNames.Combine(command.Positions ?? []), command.Email, command.Phone);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await StaffReader.ReadAsync(db, staff.Id, ct))!;
    }
}
