using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;

namespace Crm.Api.Features.Customers;

public sealed record GetCustomerQuery(long Id) : IQuery<Result<CustomerDetail>>;

public sealed class GetCustomerHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetCustomerQuery, Result<CustomerDetail>>
{
    public async ValueTask<Result<CustomerDetail>> Handle(GetCustomerQuery query, CancellationToken ct) =>
        await CustomerReader.ReadAsync(db, users.User, query.Id, ct) is { } detail ? detail : Error.NotFound("客户");
}
