using System.Text.Json;
using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using Crm.Api.Domain.Kpi;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

public sealed record CloseKpiPeriodCommand(string Month) : ICommand<Result<KpiPeriodDto>>;

/// <summary>Closes a month that has been run: its entries become immutable (a conditional update, so a concurrent run or close loses cleanly).</summary>
public sealed class CloseKpiPeriodHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<CloseKpiPeriodCommand, Result<KpiPeriodDto>>
{
    public async ValueTask<Result<KpiPeriodDto>> Handle(CloseKpiPeriodCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (KpiAccess.CheckMayManageCompany(user) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(command.Month, out var month))
            return KpiAccess.BadMonth();
        var period = await db.KpiPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Month == month, ct);
        if (period is null || period.Runs == 0)
            return Error.Conflict("periodNotRun", $"{command.Month} 尚未进行月度考核，不能关账。");
        var now = clock.UtcNow;
        // The close and its event commit together: subscribers hear of a close exactly when it happened.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.KpiPeriods.Where(p => p.Id == period.Id && p.Status == KpiPeriodStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, KpiPeriodStatus.Closed).SetProperty(p => p.ClosedAt, now)
                .SetProperty(p => p.ClosedById, user.StaffId), ct);
        if (closed == 0)
            return KpiPeriods.Closed(command.Month);
        var result = await KpiAccess.ToDtoAsync(db, await db.KpiPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id, ct), KpiAccess.Reach(user), ct);
        db.OutboxEvents.Add(new OutboxEvent(WebhookEventTypes.KpiPeriodClosed, null, JsonSerializer.Serialize(new
        {
            month = result.Month, closedAt = now, closedById = user.StaffId, entries = result.Entries, unitPoints = result.Points, unitAmount = result.Amount,
        }, WebhookOutbox.Json), now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
