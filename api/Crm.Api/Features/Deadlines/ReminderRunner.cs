using System.Text.Json;
using Crm.Api.Common.Calendar;
using Crm.Api.Common.Startup;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Deadlines;

/// <summary>
/// One evaluation: gives unfiled customers their filing, then reminds the customer's owner of every open obligation
/// past its due date, at most once per obligation per business day. Safe with several instances on one database: each
/// obligation is claimed for today by a conditional UPDATE (last reminded before today), and only the instance whose
/// UPDATE changed the row writes the reminder, in the same transaction; (obligation, day) is also unique.
/// </summary>
public sealed class ReminderPass(IServiceScopeFactory scopes, BusinessClock clock, ILogger<ReminderPass> logger)
{
    private const int Batch = 500;

    /// <summary>Returns how many reminders this pass recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var tracker = scope.ServiceProvider.GetRequiredService<ObligationTracker>();
            while (await tracker.BackfillFilingsAsync(Batch, ct) == Batch)
            {
            }
        }

        var today = clock.Today;
        var reminded = 0;
        long after = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            // The reminder goes to whoever owns the customer now: after a handover, the successor.
            var due = await Due(db, today).Where(o => o.Id > after).OrderBy(o => o.Id).Take(Batch)
                .Select(o => new
                {
                    o.Id, o.Kind, o.CustomerId, o.DueOn, o.ReminderCount,
                    OwnerId = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.OwnerId).First(),
                }).ToListAsync(ct);
            if (due.Count == 0)
                break;
            after = due[^1].Id;
            foreach (var o in due)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var claimed = await Due(db, today).Where(x => x.Id == o.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.ReminderCount, x => x.ReminderCount + 1)
                    .SetProperty(x => x.LastRemindedOn, today), ct);
                if (claimed != 1)
                    continue;
                db.Reminders.Add(new Reminder(o.Id, o.OwnerId, today, clock.UtcNow));
                // Subscribers hear of an overdue obligation once, with its first reminder, in the same transaction.
                if (o.ReminderCount == 0)
                    db.OutboxEvents.Add(new OutboxEvent(o.Kind == ObligationKind.Filing ? WebhookEventTypes.FilingOverdue : WebhookEventTypes.ChangeReportOverdue,
                        o.CustomerId, JsonSerializer.Serialize(new { obligationId = o.Id, customerId = o.CustomerId, kind = o.Kind.ToString(), dueOn = o.DueOn,
                            responsibleId = o.OwnerId }, WebhookOutbox.Json), clock.UtcNow));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                reminded++;
            }
        }
        if (reminded > 0)
            logger.LogInformation("Deadlines: {Count} reminders about overdue obligations recorded for {Day}", reminded, today);
        return reminded;
    }

    private static IQueryable<Obligation> Due(CrmDbContext db, DateOnly today) =>
        db.Obligations.Where(o => (o.Status == ObligationStatus.Open || o.Status == ObligationStatus.Returned) && o.DueOn < today
                                  && (o.LastRemindedOn == null || o.LastRemindedOn < today)
                                  // Archived customers are no longer served: nobody is chased about them.
                                  && db.Customers.Any(c => c.Id == o.CustomerId && !c.IsArchived));
}

/// <summary>Runs a <see cref="ReminderPass"/> at start and then every <see cref="DeadlinesOptions.ReminderInterval"/>.</summary>
internal sealed class ReminderRunner(ReminderPass pass, IOptions<DeadlinesOptions> options, TimeProvider clock, ILogger<ReminderRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (DatabaseInitializer.IsDesignTime)
            return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await pass.RunOnceAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Deadlines: a reminder pass failed; retrying after the interval");
            }
            try
            {
                await Task.Delay(options.Value.ReminderInterval, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
