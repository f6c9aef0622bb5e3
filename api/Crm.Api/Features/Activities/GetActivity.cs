using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Activities;

public sealed record GetActivityQuery(long CustomerId, long ActivityId) : IQuery<Result<ActivityDto>>;

public sealed class GetActivityHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<GetActivityQuery, Result<ActivityDto>>
{
    public async ValueTask<Result<ActivityDto>> Handle(GetActivityQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId).Select(c => c.Id);
        var activity = await db.Activities.AsNoTracking().Include(a => a.Participants).Include(a => a.KeyPersons).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == query.ActivityId && a.CustomerId == query.CustomerId && visible.Contains(a.CustomerId), ct);
        if (activity is null)
            return Error.NotFound("跟进记录");
        await readLog.RecordAsync(query.CustomerId, ReadAction.Activities, ct);
        return await activity.ToDtoAsync(db, ct);
    }
}
