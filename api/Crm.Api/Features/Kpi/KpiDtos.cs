using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Kpi;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

/// <param name="Evidence">What the entry rests on: kind:id pairs (obligation:12, complaint:3, customer:8, reminders:4 …).</param>
public sealed record KpiEntryDto(long Id, string Month, KpiEntryKind Kind, string Rule, UnitRef Unit, StaffRef? Staff, decimal Points, decimal Amount,
    IReadOnlyList<string> Evidence, string? Reason, StaffRef? ApprovedBy, StaffRef CreatedBy, DateTimeOffset CreatedAt);

public sealed record KpiPeriodDto(string Month, KpiPeriodStatus Status, int Runs, DateTimeOffset? LastRunAt, StaffRef? LastRunBy, DateTimeOffset? ClosedAt,
    StaffRef? ClosedBy, int Entries, decimal Points, decimal Amount);

/// <param name="Entries">One page of the entries, ordered by unit, person, rule and id.</param>
public sealed record KpiLedgerDto(KpiPeriodDto Period, Paged<KpiEntryDto> Entries);

internal static class KpiAccess
{
    public static Error? CheckMayManage(CurrentUser user) =>
        user.Has(Permissions.KpiManage) ? null : Error.Forbidden("需要考核管理权限（kpi.manage）。");

    /// <summary>The month-end run and the close cover every unit, so they need kpi.manage over the whole company.</summary>
    public static Error? CheckMayManageCompany(CurrentUser user) =>
        CheckMayManage(user) ?? (Reach(user).Kind == ScopeKind.All ? null : Error.Forbidden("月度考核的运行和关账覆盖全公司，需要全公司范围的考核管理权限（kpi.manage）。"));

    /// <summary>
    /// The part of the ledger and the scorecards kpi.manage reaches: all of it, the entries of the scope's units (and the person's own),
    /// or only the person's own entries.
    /// </summary>
    public static CustomerScope Reach(CurrentUser user) => user.ScopeFor(Permissions.KpiManage);

    public static IQueryable<KpiEntry> Within(this IQueryable<KpiEntry> entries, CustomerScope reach) => reach.Kind switch
    {
        ScopeKind.All => entries,
        ScopeKind.Units => entries.Where(e => reach.UnitIds.Contains(e.UnitId) || e.StaffId == reach.StaffId),
        ScopeKind.Own => entries.Where(e => e.StaffId == reach.StaffId),
        _ => entries.Where(e => false),
    };

    /// <summary>Whether the reach covers a unit as a whole (its scorecard, its unit-level entries).</summary>
    public static bool CoversUnit(this CustomerScope reach, long unitId) =>
        reach.Kind == ScopeKind.All || (reach.Kind == ScopeKind.Units && reach.UnitIds.Contains(unitId));

    /// <summary>The same rule as <see cref="Within"/> for one entry about to be written.</summary>
    public static bool Covers(this CustomerScope reach, long unitId, long? staffId) =>
        reach.CoversUnit(unitId) || (reach.Kind != ScopeKind.None && staffId == reach.StaffId);

    public static Error BadMonth() => Error.Field("month", "月份格式为 yyyy-MM。");

    public static bool TryMonth(string month, out DateOnly first) => BusinessFact.TryParseMonth(month, out first);

    /// <summary>The period with the count and totals of the entries <paramref name="reach"/> covers.</summary>
    public static async Task<KpiPeriodDto> ToDtoAsync(CrmDbContext db, KpiPeriod period, CustomerScope reach, CancellationToken ct) =>
        (await ToDtosAsync(db, [period], reach, ct))[0];

    /// <summary>
    /// Periods with their counts and totals in two queries, however many periods: the entries' figures (summed here, as SQLite
    /// cannot sum decimals) and the names of who ran and closed them.
    /// </summary>
    public static async Task<List<KpiPeriodDto>> ToDtosAsync(CrmDbContext db, IReadOnlyList<KpiPeriod> periods, CustomerScope reach, CancellationToken ct)
    {
        var periodIds = periods.Select(p => p.Id).ToList();
        var rows = (await db.KpiEntries.AsNoTracking().Where(e => periodIds.Contains(e.PeriodId)).Within(reach)
            .Select(e => new { e.PeriodId, e.StaffId, e.Points, e.Amount }).ToListAsync(ct)).ToLookup(r => r.PeriodId);
        var staffIds = periods.SelectMany(p => new[] { p.LastRunById, p.ClosedById }).OfType<long>().Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        StaffRef? Ref(long? id) => id is { } v ? new StaffRef(v, names.GetValueOrDefault(v, "")) : null;
        return periods.Select(period =>
        {
            var entries = rows[period.Id].ToList();
            var unitLevel = entries.Where(r => r.StaffId == null).ToList();
            return new KpiPeriodDto(BusinessFact.FormatMonth(period.Month), period.Status, period.Runs, period.LastRunAt, Ref(period.LastRunById), period.ClosedAt,
                Ref(period.ClosedById), entries.Count, unitLevel.Sum(r => r.Points), unitLevel.Sum(r => r.Amount));
        }).ToList();
    }

    public static async Task<List<KpiEntryDto>> ToDtosAsync(CrmDbContext db, IReadOnlyList<KpiEntry> entries, CancellationToken ct)
    {
        var unitIds = entries.Select(e => e.UnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var staffIds = entries.SelectMany(e => new[] { e.StaffId, e.ApprovedById, e.CreatedById }).OfType<long>().Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        StaffRef? Ref(long? id) => id is { } v ? new StaffRef(v, staff.GetValueOrDefault(v, "")) : null;
        return entries.Select(e => new KpiEntryDto(e.Id, BusinessFact.FormatMonth(e.Month), e.Kind, e.Rule, new UnitRef(e.UnitId, units.GetValueOrDefault(e.UnitId, "")),
            Ref(e.StaffId), e.Points, e.Amount, e.Evidence.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Reason, Ref(e.ApprovedById), Ref(e.CreatedById)!,
            e.CreatedAt)).ToList();
    }
}
