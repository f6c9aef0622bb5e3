using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.FollowUp;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.FollowUp;

/// <param name="StaffId">Whose duties; the caller when left out.</param>
/// <param name="OnlyMissing">Only duties not yet met in their current period (default).</param>
/// <param name="Period">Only the rules of this period length (the month-end KPI run asks for the weeks by themselves).</param>
public sealed record ListContactDutiesQuery(long? StaffId, DateOnly? AsOf, bool OnlyMissing, int Page, int PageSize, ContactPeriod? Period = null)
    : IPageRequest, IQuery<Result<Paged<PersonContactDuty>>>;

public sealed record PersonContactDuty(long CustomerId, string CustomerCode, string CustomerName, string Grade, ContactRole Role, ContactKind Kind,
    int Required, ContactPeriod Period, DateOnly PeriodFrom, DateOnly PeriodTo, int Done, int Missing);

public sealed class ListContactDutiesValidator : AbstractValidator<ListContactDutiesQuery>
{
    public ListContactDutiesValidator()
    {
        Include(new PageRequestRules<ListContactDutiesQuery>(capped: true));
    }
}

/// <summary>
/// A person's contact duties over the customers the caller may see: as owner, as manager of the customers' owning
/// unit, as a company leader — each with what this period still needs. Done counts the person's own contacts.
/// </summary>
public sealed class ListContactDutiesHandler(CrmDbContext db, UserContext users, BusinessClock clock, IOptions<FollowUpOptions> options)
    : IQueryHandler<ListContactDutiesQuery, Result<Paged<PersonContactDuty>>>
{
    private sealed record Row(long Id, string Code, string Name, string Grade);

    public async ValueTask<Result<Paged<PersonContactDuty>>> Handle(ListContactDutiesQuery query, CancellationToken ct)
    {
        var user = users.User;
        var staffId = query.StaffId ?? user.StaffId;
        var person = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (person is null)
            return Error.NotFound("人员");
        var asOf = query.AsOf ?? clock.Today;
        var visible = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db).Where(c => !c.IsArchived);
        var me = db.Staff.Where(s => s.Id == staffId).Select(s => s.Id);

        var duties = new List<PersonContactDuty>();
        foreach (var rules in options.Value.EffectiveContactRules().Where(r => query.Period is null || r.Period == query.Period).GroupBy(r => r.Role))
        {
            var customers = rules.Key switch
            {
                ContactRole.Owner => visible.Where(c => c.OwnerId == staffId),
                ContactRole.UnitManager when person.Holds(Positions.UnitManager | Positions.DeputyManager) => visible.Where(c => c.OwningUnitId == person.UnitId),
                ContactRole.CompanyLeader when person.Holds(Positions.GeneralManager | Positions.DeputyGeneralManager) => visible,
                _ => null,
            };
            if (customers is null)
                continue;
            foreach (var rule in rules)
            {
                var (from, to) = ContactRules.PeriodContaining(asOf, rule.Period);
                var kinds = ContactRules.ActivitiesFor(rule.Kind).ToList();
                var grade = rule.Grade;
                var rows = await customers.Where(c => c.Grade == grade)
                    .Select(c => new
                    {
                        c.Id, c.Code, c.Name,
                        Done = db.Activities.Count(a => a.CustomerId == c.Id && a.OccurredOn >= from && a.OccurredOn <= to && kinds.Contains(a.Kind)
                                                        && a.Participants.Any(p => me.Contains(p.StaffId))),
                    })
                    .Where(r => !query.OnlyMissing || r.Done < rule.Times)
                    .OrderBy(r => r.Id)
                    .Take(PageLimits.CountCap + 1)
                    .ToListAsync(ct);
                duties.AddRange(rows.Select(r => new PersonContactDuty(r.Id, r.Code, r.Name, grade, rule.Role, rule.Kind, rule.Times, rule.Period, from, to,
                    r.Done, Math.Max(0, rule.Times - r.Done))));
            }
        }
        var ordered = duties.OrderByDescending(d => d.Missing).ThenBy(d => d.PeriodTo).ThenBy(d => d.CustomerId).ToList();
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new Paged<PersonContactDuty>(page, query.Page, query.PageSize, Math.Min(ordered.Count, PageLimits.CountCap), ordered.Count > PageLimits.CountCap);
    }
}
