using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Kpi;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

/// <param name="Rule">The rule the correction belongs to (so it reaches that scorecard item); `adjustment` when left out.</param>
/// <param name="ApproverId">Who approved the correction: an active person other than the one entering it.</param>
public sealed record AdjustKpiRequest(long UnitId, long? StaffId, string? Rule, decimal Points, decimal Amount, string Reason, long ApproverId);

public sealed record AdjustKpiCommand(string Month, long UnitId, long? StaffId, string? Rule, decimal Points, decimal Amount, string Reason, long ApproverId)
    : ICommand<Result<KpiEntryDto>>;

public sealed class AdjustKpiValidator : AbstractValidator<AdjustKpiCommand>
{
    public AdjustKpiValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(KpiEntry.TextMaxLength);
        RuleFor(c => c.Points).InclusiveBetween(-1000, 1000).PrecisionScale(9, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Amount).InclusiveBetween(-10_000_000, 10_000_000).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(c => c).Must(c => c.Points != 0 || c.Amount != 0).WithName("points").WithMessage("调整须有分数或金额。");
        RuleFor(c => c.Rule).Must(r => r is null || r == KpiRules.Adjustment || KpiRules.Computed.Contains(r))
            .WithMessage($"规则须为 {KpiRules.Adjustment} 或 {string.Join("、", KpiRules.Computed)} 之一。");
    }
}

/// <summary>
/// A correction to a month's ledger with a reason and an approver (kpi.manage). Allowed on open and closed months: a closed month's
/// entries never change, corrections are added beside them, and a re-run of an open month keeps them.
/// </summary>
public sealed class AdjustKpiHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<AdjustKpiCommand, Result<KpiEntryDto>>
{
    public async ValueTask<Result<KpiEntryDto>> Handle(AdjustKpiCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (KpiAccess.CheckMayManage(user) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(command.Month, out var month))
            return KpiAccess.BadMonth();
        var period = await db.KpiPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Month == month, ct);
        if (period is null || period.Runs == 0)
            return Error.Conflict("periodNotRun", $"{command.Month} 尚未进行月度考核，不能登记调整。");
        if (!await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId, ct))
            return Error.Field("unitId", "单位不存在。");
        if (command.StaffId is { } staffId && !await db.Staff.AnyAsync(s => s.Id == staffId, ct))
            return Error.Field("staffId", "人员不存在。");
        if (!KpiAccess.Reach(user).Covers(command.UnitId, command.StaffId))
            return Error.Forbidden("该单位不在您的考核管理范围内（kpi.manage 的数据范围）。");
        if (command.ApproverId == user.StaffId)
            return Error.Field("approverId", "调整须由登记人以外的人审批。");
        if (!await db.Staff.AnyAsync(s => s.Id == command.ApproverId && s.IsActive, ct))
            return Error.Field("approverId", "审批人不存在或已停用。");

        var entry = new KpiEntry(period.Id, month, KpiEntryKind.Adjustment, command.Rule ?? KpiRules.Adjustment, command.UnitId, command.StaffId, command.Points,
            command.Amount, "", command.Reason.Trim(), command.ApproverId, clock.UtcNow, user.StaffId);
        db.KpiEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return (await KpiAccess.ToDtosAsync(db, [entry], ct))[0];
    }
}

public sealed record DeleteKpiAdjustmentCommand(string Month, long EntryId) : ICommand<Result<Success>>;

/// <summary>Withdraws an adjustment of an open month; a closed month's entries are immutable (409).</summary>
public sealed class DeleteKpiAdjustmentHandler(CrmDbContext db, UserContext users) : ICommandHandler<DeleteKpiAdjustmentCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteKpiAdjustmentCommand command, CancellationToken ct)
    {
        if (KpiAccess.CheckMayManage(users.User) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(command.Month, out var month))
            return KpiAccess.BadMonth();
        var entry = await db.KpiEntries.AsNoTracking().Within(KpiAccess.Reach(users.User))
            .SingleOrDefaultAsync(e => e.Id == command.EntryId && e.Month == month, ct);
        if (entry is null)
            return Error.NotFound("考核记录");
        if (entry.Kind != KpiEntryKind.Adjustment)
            return Error.Conflict("computedEntry", "月度考核计算的记录不能删除；请重算或登记调整。");
        // Only while the period is open, checked in the same statement that deletes.
        var open = db.KpiPeriods.Where(p => p.Status == KpiPeriodStatus.Open).Select(p => p.Id);
        var deleted = await db.KpiEntries.Where(e => e.Id == entry.Id && open.Contains(e.PeriodId)).ExecuteDeleteAsync(ct);
        return deleted == 0 ? KpiPeriods.Closed(command.Month) : new Success();
    }
}
