using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

public sealed record UnitRef(long Id, string Name);

/// <summary>A filing (客户备案) or change report (客户信息维护表) with its state on today's business date.</summary>
/// <param name="WorkingDaysLeft">Open or returned: working days in (today, due]; negative once overdue. Null otherwise.</param>
/// <param name="MetOn">The business date of the accepted submission.</param>
public sealed record ObligationDto(
    long Id,
    ObligationKind Kind,
    long CustomerId,
    string CustomerName,
    UnitRef OwningUnit,
    StaffRef Responsible,
    DateOnly TriggeredOn,
    DateOnly DueOn,
    bool CalendarConfirmed,
    IReadOnlyList<string> ChangedFields,
    ObligationStatus Status,
    ObligationState State,
    int? WorkingDaysLeft,
    DateOnly? SubmittedOn,
    StaffRef? SubmittedBy,
    int Submissions,
    string? ReturnedReason,
    DateTimeOffset? DecidedAt,
    StaffRef? DecidedBy,
    DateOnly? MetOn,
    int ReminderCount,
    DateOnly? LastRemindedOn,
    int Version);

internal static class ObligationMapping
{
    public static async Task<List<ObligationDto>> ToDtosAsync(this IReadOnlyList<Obligation> obligations, CrmDbContext db, WorkingCalendar calendar,
        DateOnly today, int dueSoonWorkingDays, CancellationToken ct)
    {
        var staffIds = obligations.SelectMany(o => new[] { o.ResponsibleId, o.SubmittedById ?? 0, o.DecidedById ?? 0 }).Where(id => id != 0).Distinct().ToList();
        var unitIds = obligations.Select(o => o.OwningUnitId).Distinct().ToList();
        var customerIds = obligations.Select(o => o.CustomerId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        StaffRef Person(long id) => new(id, staff.GetValueOrDefault(id, ""));
        return obligations.Select(o => new ObligationDto(o.Id, o.Kind, o.CustomerId, customers.GetValueOrDefault(o.CustomerId, ""),
            new UnitRef(o.OwningUnitId, units.GetValueOrDefault(o.OwningUnitId, "")), Person(o.ResponsibleId), o.TriggeredOn, o.DueOn,
            o.CalendarConfirmed, o.ChangedFieldList, o.Status, o.StateOn(today, calendar, dueSoonWorkingDays),
            o.IsOpen ? calendar.WorkingDaysBetween(today, o.DueOn).Value : null, o.SubmittedOn,
            o.SubmittedById is { } s ? Person(s) : null, o.Submissions, o.ReturnedReason, o.DecidedAt, o.DecidedById is { } d ? Person(d) : null,
            o.MetOn, o.ReminderCount, o.LastRemindedOn, o.Version)).ToList();
    }
}

/// <summary>Reads obligations as DTOs on today's business date.</summary>
public sealed class ObligationReader(CrmDbContext db, ICalendarProvider calendars, BusinessClock clock, Microsoft.Extensions.Options.IOptions<DeadlinesOptions> options)
{
    public DateOnly Today => clock.Today;

    public async Task<List<ObligationDto>> ToDtosAsync(IReadOnlyList<Obligation> obligations, CancellationToken ct) =>
        await obligations.ToDtosAsync(db, await calendars.GetAsync(ct), clock.Today, options.Value.DueSoonWorkingDays, ct);

    public async Task<ObligationDto> ToDtoAsync(Obligation obligation, CancellationToken ct) => (await ToDtosAsync([obligation], ct))[0];
}
