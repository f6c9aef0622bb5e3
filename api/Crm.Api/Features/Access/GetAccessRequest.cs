using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record GetAccessRequestQuery(long Id) : IQuery<Result<AccessRequestDto>>;

public sealed class GetAccessRequestHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<GetAccessRequestQuery, Result<AccessRequestDto>>
{
    public async ValueTask<Result<AccessRequestDto>> Handle(GetAccessRequestQuery query, CancellationToken ct) =>
        await db.AccessRequests.AsNoTracking().ReadableBy(users.User).Where(r => r.Id == query.Id).ToDtos(db, clock.GetUtcNow()).SingleOrDefaultAsync(ct)
            is { } request ? request : Error.NotFound("查阅申请");
}
