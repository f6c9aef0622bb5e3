using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;

namespace Crm.Api.Features.Handovers;

public sealed record GetHandoverQuery(long Id) : IQuery<Result<HandoverDetail>>;

public sealed class GetHandoverHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetHandoverQuery, Result<HandoverDetail>>
{
    public async ValueTask<Result<HandoverDetail>> Handle(GetHandoverQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersHandover))
            return Error.Forbidden("需要客户交接权限（customers.handover）。");
        return await HandoverReader.ReadAsync(db, user, query.Id, ct) is { } detail ? detail : Error.NotFound("交接记录");
    }
}
