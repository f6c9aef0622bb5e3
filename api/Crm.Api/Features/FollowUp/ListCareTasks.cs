using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.FollowUp;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.FollowUp;

/// <param name="Days">How far ahead; FollowUp:CareLookaheadDays when left out.</param>
/// <param name="OwnerId">Only this owner's customers (default: every customer the caller may see).</param>
public sealed record ListCareTasksQuery(int? Days, long? OwnerId) : IQuery<Result<CareTasksDto>>;

public enum CareTaskKind
{
    Festival,
    Birthday,
    Anniversary,
}

/// <param name="Customers">For a festival: how many customers of each grade the caller's list covers (gifts to A/B top managers, messages to C).</param>
public sealed record CareTask(DateOnly Date, int DaysAway, CareTaskKind Kind, string Title, long? CustomerId, string? CustomerName, string? Grade,
    long? KeyPersonId, string? KeyPersonName, StaffRef? Owner, IReadOnlyDictionary<string, int>? Customers);

public sealed record CareTasksDto(DateOnly From, DateOnly To, IReadOnlyList<CareTask> Tasks);

public sealed class ListCareTasksValidator : AbstractValidator<ListCareTasksQuery>
{
    public ListCareTasksValidator()
    {
        RuleFor(q => q.Days).InclusiveBetween(1, 366);
    }
}

/// <summary>
/// 关怀日期: the festivals coming up (their first holiday day, from the working-day calendar's notices) and the
/// birthdays and anniversaries of key persons of A (and B) customers the caller may see, soonest first.
/// </summary>
public sealed class ListCareTasksHandler(CrmDbContext db, UserContext users, BusinessClock clock, IOptions<FollowUpOptions> options)
    : IQueryHandler<ListCareTasksQuery, Result<CareTasksDto>>
{
    public async ValueTask<Result<CareTasksDto>> Handle(ListCareTasksQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var until = today.AddDays((query.Days ?? options.Value.CareLookaheadDays) - 1);
        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Where(c => !c.IsArchived);
        if (query.OwnerId is { } ownerId)
            visible = visible.Where(c => c.OwnerId == ownerId);
        var tasks = new List<CareTask>();

        var holidays = await db.Set<CalendarYearDay>().AsNoTracking()
            .Where(d => d.IsOffDay && d.Date >= today.AddDays(-1) && d.Date <= until)
            .OrderBy(d => d.Date).Select(d => new { d.Date, d.Name }).ToListAsync(ct);
        if (holidays.Count > 0)
        {
            var byGrade = await visible.GroupBy(c => c.Grade).Select(g => new { Grade = g.Key, Count = g.Count() }).ToListAsync(ct);
            var counts = byGrade.ToDictionary(g => g.Grade ?? "", g => g.Count);
            foreach (var festival in CareDates.Festivals)
            {
                var days = holidays.Where(h => h.Name.Contains(festival, StringComparison.Ordinal)).Select(h => h.Date).ToHashSet();
                // The first day of each holiday block; a block already under way (it began before today) is not listed again.
                foreach (var start in days.Where(d => d >= today && !days.Contains(d.AddDays(-1))).Order())
                    tasks.Add(new CareTask(start, start.DayNumber - today.DayNumber, CareTaskKind.Festival, festival + "问候", null, null, null, null, null, null, counts));
            }
        }

        var grades = options.Value.EffectiveCareGrades().ToList();
        var people = await visible.Where(c => grades.Contains(c.Grade!))
            .SelectMany(c => c.KeyPersons.Where(k => k.Birthday != null || k.Anniversaries != null),
                (c, k) => new { CustomerId = c.Id, CustomerName = c.Name, c.Grade, c.OwnerId, KeyPersonId = k.Id, k.Name, k.Birthday, k.Anniversaries })
            .ToListAsync(ct);
        var ownerIds = people.Select(p => p.OwnerId).Distinct().ToList();
        var owners = await db.Staff.Where(s => ownerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        foreach (var p in people)
        {
            var owner = new StaffRef(p.OwnerId, owners.GetValueOrDefault(p.OwnerId, ""));
            if (p.Birthday is { } birthday && CareDates.NextOccurrence(birthday.Month, birthday.Day, today) is var next && next <= until)
                tasks.Add(new CareTask(next, next.DayNumber - today.DayNumber, CareTaskKind.Birthday, $"{p.Name}生日", p.CustomerId, p.CustomerName, p.Grade,
                    p.KeyPersonId, p.Name, owner, null));
            foreach (var (label, month, day) in CareDates.Anniversaries(p.Anniversaries))
            {
                var date = CareDates.NextOccurrence(month, day, today);
                if (date <= until)
                    tasks.Add(new CareTask(date, date.DayNumber - today.DayNumber, CareTaskKind.Anniversary, $"{p.Name}{label}", p.CustomerId, p.CustomerName,
                        p.Grade, p.KeyPersonId, p.Name, owner, null));
            }
        }
        return new CareTasksDto(today, until, tasks.OrderBy(t => t.Date).ThenBy(t => t.Kind).ThenBy(t => t.CustomerId).ToList());
    }
}
