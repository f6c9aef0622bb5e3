using Crm.Api.Common.Errors;
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

public sealed record ListCustomerActivitiesQuery(long CustomerId, ActivityKind? Kind, string? From, string? To, int Page, int PageSize)
    : IPageRequest, IActivityFilter, IQuery<Result<Paged<ActivityDto>>>;

public sealed class ListCustomerActivitiesValidator : AbstractValidator<ListCustomerActivitiesQuery>
{
    public ListCustomerActivitiesValidator()
    {
        Include(new PageRequestRules<ListCustomerActivitiesQuery>(capped: true));
        Include(new ActivityFilterRules<ListCustomerActivitiesQuery>());
    }
}

public sealed class ListCustomerActivitiesHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog)
    : IQueryHandler<ListCustomerActivitiesQuery, Result<Paged<ActivityDto>>>
{
    public async ValueTask<Result<Paged<ActivityDto>>> Handle(ListCustomerActivitiesQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId);
        if (!await visible.AnyAsync(ct))
            return Error.NotFound("客户");
        await readLog.RecordAsync(query.CustomerId, ReadAction.Activities, ct);

        var activities = db.Activities.AsNoTracking().Where(a => a.CustomerId == query.CustomerId).Apply(query);
        var counted = await activities.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await activities.NewestFirst().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(a => a.Participants).Include(a => a.KeyPersons).AsSplitQuery().ToListAsync(ct);
        return new Paged<ActivityDto>(await page.ToDtosAsync(db, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }
}
