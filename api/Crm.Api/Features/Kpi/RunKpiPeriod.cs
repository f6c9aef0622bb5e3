using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Complaints;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.FollowUp;
using Crm.Api.Domain.Kpi;
using Crm.Api.Features.Feedback;
using Crm.Api.Features.FollowUp;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Kpi;

public sealed record RunKpiPeriodCommand(string Month) : ICommand<Result<KpiPeriodDto>>;

/// <summary>
/// The month-end KPI run (kpi.manage). Re-running an open month replaces its computed entries (adjustments stay); a closed
/// month answers 409. The period row is claimed by a conditional update (status Open) as the transaction's first write, so
/// concurrent runs or a close from other instances wait for it or find the month closed; the entries never double.
/// Shortfalls that other features compute (feedback quotas, contact duties) are asked of those features, over the customers
/// the caller may see — kpi.manage holders see every customer under the default roles.
/// </summary>
public sealed class RunKpiPeriodHandler(CrmDbContext db, UserContext users, BusinessClock clock, IMediator mediator, IOptions<KpiOptions> options)
    : ICommandHandler<RunKpiPeriodCommand, Result<KpiPeriodDto>>
{
    private KpiOptions Policy => options.Value;

    public async ValueTask<Result<KpiPeriodDto>> Handle(RunKpiPeriodCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (KpiAccess.CheckMayManageCompany(user) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(command.Month, out var month))
            return KpiAccess.BadMonth();
        var last = month.AddMonths(1).AddDays(-1);
        if (last >= clock.Today)
            return Error.Conflict("monthNotOver", $"{command.Month} 尚未结束：月度考核在月末之后进行（今天是 {clock.Today:yyyy-MM-dd}）。");

        var period = await KpiPeriods.EnsureAsync(db, month, clock.UtcNow, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var claimed = await db.KpiPeriods.Where(p => p.Id == period.Id && p.Status == KpiPeriodStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Runs, p => p.Runs + 1).SetProperty(p => p.LastRunAt, now).SetProperty(p => p.LastRunById, user.StaffId), ct);
        if (claimed == 0)
            return KpiPeriods.Closed(command.Month);
        await db.KpiEntries.Where(e => e.PeriodId == period.Id && e.Kind == KpiEntryKind.Computed).ExecuteDeleteAsync(ct);

        var entries = new List<KpiEntry>();
        void Add(string rule, long unitId, long? staffId, decimal points, string evidence) =>
            entries.Add(new KpiEntry(period.Id, month, KpiEntryKind.Computed, rule, unitId, staffId, points, points * Policy.AmountPerPoint, evidence, null, null,
                now, user.StaffId));

        await LateFilingsAsync(month, last, Add, ct);
        await FeedbackShortfallsAsync(month, Add, ct);
        await ContactShortfallsAsync(month, Add, ct);
        await DisqualificationsAsync(period.Id, month, last, Add, ct);
        await LostCustomersAsync(month, last, Add, ct);

        db.KpiEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var reloaded = await db.KpiPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id, ct);
        return await KpiAccess.ToDtoAsync(db, reloaded, KpiAccess.Reach(user), ct);
    }

    /// <summary>Obligations reminded at least N times within the month: the owing unit and the responsible person each lose the points.</summary>
    private async Task LateFilingsAsync(DateOnly month, DateOnly last, Action<string, long, long?, decimal, string> add, CancellationToken ct)
    {
        var reminded = await db.Reminders.AsNoTracking().Where(r => r.RemindedOn >= month && r.RemindedOn <= last)
            .GroupBy(r => r.ObligationId).Select(g => new { ObligationId = g.Key, Count = g.Count() })
            .Where(g => g.Count >= Policy.LateFilingReminders).ToListAsync(ct);
        var ids = reminded.Select(r => r.ObligationId).ToList();
        var obligations = await db.Obligations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.OwningUnitId, o.ResponsibleId }).ToListAsync(ct);
        foreach (var o in obligations.OrderBy(o => o.Id))
        {
            var evidence = $"obligation:{o.Id},reminders:{reminded.Single(r => r.ObligationId == o.Id).Count}";
            add(KpiRules.LateFiling, o.OwningUnitId, null, -Policy.LateFilingPoints, evidence);
            add(KpiRules.LateFiling, o.OwningUnitId, o.ResponsibleId, -Policy.LateFilingPoints, evidence);
        }
    }

    private async Task FeedbackShortfallsAsync(DateOnly month, Action<string, long, long?, decimal, string> add, CancellationToken ct)
    {
        var quotas = await mediator.Send(new GetFeedbackQuotasQuery(BusinessFact.FormatMonth(month), null), ct);
        foreach (var quota in quotas.Where(q => !q.Met))
        {
            var missing = Math.Max(quota.Missing, quota.MissingByGrade.Values.Sum());
            add(KpiRules.FeedbackShortfall, quota.Unit.Id, null, -missing * Policy.FeedbackShortfallPointsPerForm,
                $"feedbackForms:{quota.Total}/{quota.RequiredTotal},missing:{missing}");
        }
    }

    /// <summary>
    /// Contacts missing from the duties whose period ended in the month: each week ending on one of its Sundays, the month, and in
    /// December the year. A week that crosses the month end counts in the month of its Sunday.
    /// </summary>
    private async Task ContactShortfallsAsync(DateOnly month, Action<string, long, long?, decimal, string> add, CancellationToken ct)
    {
        if (Policy.ContactShortfallPointsPerContact == 0)
            return;
        var ends = ContactRules.PeriodEndsIn(month);
        var last = ends[^1];
        var people = await db.Staff.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Id, s.UnitId }).ToListAsync(ct);
        var byUnit = new Dictionary<long, (decimal Points, int Missing)>();
        foreach (var person in people)
        {
            var missing = 0;
            var duties = 0;
            foreach (var end in ends)
            {
                // On a Sunday inside the month only weeks end; on the last day every period length may.
                var only = end == last ? (ContactPeriod?)null : ContactPeriod.Week;
                for (var page = 1; ; page++)
                {
                    var result = await mediator.Send(new ListContactDutiesQuery(person.Id, end, OnlyMissing: true, page, 100, only), ct);
                    if (!result.IsSuccess)
                        break;
                    foreach (var duty in result.Value!.Items.Where(d => d.PeriodTo == end))
                    {
                        missing += duty.Missing;
                        duties++;
                    }
                    if (result.Value.Items.Count < 100)
                        break;
                }
            }
            if (missing == 0)
                continue;
            var points = -missing * Policy.ContactShortfallPointsPerContact;
            add(KpiRules.ContactShortfall, person.UnitId, person.Id, points, $"duties:{duties},missingContacts:{missing}");
            var sum = byUnit.GetValueOrDefault(person.UnitId);
            byUnit[person.UnitId] = (sum.Points + points, sum.Missing + missing);
        }
        foreach (var (unitId, sum) in byUnit.OrderBy(u => u.Key))
            add(KpiRules.ContactShortfall, unitId, null, sum.Points, $"missingContacts:{sum.Missing}");
    }

    /// <summary>
    /// A unit or person with at least the threshold of substantiated complaints received this year (up to the month end) is
    /// disqualified from the year's awards: one entry, in the first month whose run finds it (complaint ids as evidence).
    /// </summary>
    private async Task DisqualificationsAsync(long periodId, DateOnly month, DateOnly last, Action<string, long, long?, decimal, string> add, CancellationToken ct)
    {
        var yearStart = new DateOnly(month.Year, 1, 1);
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.Substantiated == true && c.ResponsibleUnitId != null && c.ReceivedOn >= yearStart && c.ReceivedOn <= last)
            .Select(c => new { c.Id, UnitId = c.ResponsibleUnitId!.Value, c.ResponsibleStaffId }).ToListAsync(ct);
        var earlier = await db.KpiEntries.AsNoTracking()
            .Where(e => e.Rule == KpiRules.ComplaintsDisqualify && e.PeriodId != periodId && e.Month >= yearStart && e.Month <= last)
            .Select(e => new { e.UnitId, e.StaffId }).ToListAsync(ct);
        foreach (var unit in complaints.GroupBy(c => c.UnitId).Where(g => g.Count() >= Policy.ComplaintsPerYearDisqualify).OrderBy(g => g.Key))
        {
            if (!earlier.Any(e => e.UnitId == unit.Key && e.StaffId == null))
                add(KpiRules.ComplaintsDisqualify, unit.Key, null, 0, string.Join(",", unit.OrderBy(c => c.Id).Select(c => $"complaint:{c.Id}")));
        }
        foreach (var person in complaints.Where(c => c.ResponsibleStaffId != null).GroupBy(c => (c.ResponsibleStaffId!.Value, c.UnitId))
                     .Where(g => g.Count() >= Policy.ComplaintsPerYearDisqualify).OrderBy(g => g.Key.Item1))
        {
            if (!earlier.Any(e => e.StaffId == person.Key.Item1))
                add(KpiRules.ComplaintsDisqualify, person.Key.UnitId, person.Key.Item1, 0,
                    string.Join(",", person.OrderBy(c => c.Id).Select(c => $"complaint:{c.Id}")));
        }
    }

    /// <summary>Customers whose status became Lost this month within the window after a substantiated complaint: the complaint's responsible unit (and person) lose the points.</summary>
    private async Task LostCustomersAsync(DateOnly month, DateOnly last, Action<string, long, long?, decimal, string> add, CancellationToken ct)
    {
        var from = Instant(month);
        var to = Instant(last.AddDays(1));
        var lost = await db.CustomerHistory.AsNoTracking()
            .Where(h => h.Field == "status" && h.NewValue == nameof(CustomerStatus.Lost) && h.At >= from && h.At < to)
            .GroupBy(h => h.CustomerId).Select(g => new { CustomerId = g.Key, At = g.Max(h => h.At) }).ToListAsync(ct);
        foreach (var customer in lost.OrderBy(l => l.CustomerId))
        {
            var lostOn = clock.DateOf(customer.At);
            var windowStart = lostOn.AddMonths(-Policy.LostCustomerComplaintMonths);
            var complaint = await db.Complaints.AsNoTracking()
                .Where(c => c.CustomerId == customer.CustomerId && c.Substantiated == true && c.ResponsibleUnitId != null
                            && c.ReceivedOn >= windowStart && c.ReceivedOn <= lostOn)
                .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
                .Select(c => new { c.Id, UnitId = c.ResponsibleUnitId!.Value, c.ResponsibleStaffId }).FirstOrDefaultAsync(ct);
            if (complaint is null)
                continue;
            var evidence = $"customer:{customer.CustomerId},complaint:{complaint.Id}";
            add(KpiRules.CustomerLost, complaint.UnitId, null, -Policy.LostCustomerPoints, evidence);
            if (complaint.ResponsibleStaffId is { } staffId)
                add(KpiRules.CustomerLost, complaint.UnitId, staffId, -Policy.LostCustomerPoints, evidence);
        }
    }

    private DateTimeOffset Instant(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), clock.Zone), TimeSpan.Zero);
}

internal static class KpiPeriods
{
    /// <summary>The month's period row, created by whichever request gets there first (the unique month index settles races).</summary>
    public static async Task<KpiPeriod> EnsureAsync(CrmDbContext db, DateOnly month, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.KpiPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Month == month, ct) is { } existing)
            return existing;
        var period = new KpiPeriod(month, now);
        db.KpiPeriods.Add(period);
        try
        {
            await db.SaveChangesAsync(ct);
            return period;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.KpiPeriods.AsNoTracking().SingleAsync(p => p.Month == month, ct);
        }
    }

    public static Error Closed(string month) => Error.Conflict("periodClosed", $"{month} 的考核已关账，不能重算或修改；更正请登记调整。");
}
