using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;

namespace Crm.Api.Features.Customers;

public sealed record GetCustomerQuery(long Id) : IQuery<Result<CustomerDetail>>;

public sealed class GetCustomerHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<GetCustomerQuery, Result<CustomerDetail>>
{
    public async ValueTask<Result<CustomerDetail>> Handle(GetCustomerQuery query, CancellationToken ct)
    {
        if (await CustomerReader.ReadAsync(db, users.User, query.Id, ct) is not { } detail)
            return Error.NotFound("客户");
        await readLog.RecordAsync(detail.Id, ReadAction.Detail, ct);
        return detail;
    }
}
