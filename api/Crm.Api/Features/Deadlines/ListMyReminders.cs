using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

/// <summary>A reminder about an overdue obligation, with the obligation as it stands now.</summary>
public sealed record ReminderDto(long Id, DateOnly RemindedOn, DateTimeOffset At, ObligationDto Obligation);

public sealed record ListMyRemindersQuery(int Page, int PageSize) : IPageRequest, IQuery<Paged<ReminderDto>>;

public sealed class ListMyRemindersValidator : AbstractValidator<ListMyRemindersQuery>
{
    public ListMyRemindersValidator() => Include(new PageRequestRules<ListMyRemindersQuery>(capped: true));
}

/// <summary>The caller's reminders, newest first; those about customers the caller no longer sees (handed over) are left out.</summary>
public sealed class ListMyRemindersHandler(CrmDbContext db, UserContext users, ObligationReader reader) : IQueryHandler<ListMyRemindersQuery, Paged<ReminderDto>>
{
    public async ValueTask<Paged<ReminderDto>> Handle(ListMyRemindersQuery query, CancellationToken ct)
    {
        var user = users.User;
        var visible = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db).Select(c => c.Id);
        var reminders = from r in db.Reminders.AsNoTracking()
            join o in db.Obligations.AsNoTracking() on r.ObligationId equals o.Id
            where r.ToStaffId == user.StaffId && visible.Contains(o.CustomerId)
            select new { Reminder = r, Obligation = o };
        var counted = await reminders.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await reminders.OrderByDescending(x => x.Reminder.RemindedOn).ThenByDescending(x => x.Reminder.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var obligations = (await reader.ToDtosAsync(page.Select(x => x.Obligation).DistinctBy(o => o.Id).ToList(), ct)).ToDictionary(o => o.Id);
        return new Paged<ReminderDto>(
            page.Select(x => new ReminderDto(x.Reminder.Id, x.Reminder.RemindedOn, x.Reminder.At, obligations[x.Obligation.Id])).ToList(),
            query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}
