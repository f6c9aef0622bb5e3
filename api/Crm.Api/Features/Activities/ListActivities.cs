using Crm.Api.Common.Paging;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Activities;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Activities;

/// <param name="ParticipantId">Only activities this staff member took part in.</param>
public sealed record ListActivitiesQuery(long? CustomerId, ActivityKind? Kind, string? From, string? To, long? ParticipantId, int Page, int PageSize)
    : IPageRequest, IActivityFilter, IQuery<Paged<ActivityDto>>;

public sealed class ListActivitiesValidator : AbstractValidator<ListActivitiesQuery>
{
    public ListActivitiesValidator()
    {
        Include(new PageRequestRules<ListActivitiesQuery>(capped: true));
        Include(new ActivityFilterRules<ListActivitiesQuery>());
    }
}

/// <summary>The activities of every customer the caller may see; customers out of sight simply contribute nothing.</summary>
public sealed class ListActivitiesHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<ListActivitiesQuery, Paged<ActivityDto>>
{
    public async ValueTask<Paged<ActivityDto>> Handle(ListActivitiesQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Select(c => c.Id);
        var activities = db.Activities.AsNoTracking().Where(a => visible.Contains(a.CustomerId)).Apply(query);
        if (query.CustomerId is { } customerId)
            activities = activities.Where(a => a.CustomerId == customerId);
        if (query.ParticipantId is { } participantId)
            activities = activities.Where(a => a.Participants.Any(p => p.StaffId == participantId));

        var counted = await activities.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await activities.NewestFirst().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(a => a.Participants).Include(a => a.KeyPersons).AsSplitQuery().ToListAsync(ct);
        // The notes are the archive's content: each customer shown is a read, as with its own list.
        if (page.Count > 0)
            await readLog.RecordAsync(page.Select(a => a.CustomerId).Distinct(), ReadAction.Activities, ct);
        return new Paged<ActivityDto>(await page.ToDtosAsync(db, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }
}
