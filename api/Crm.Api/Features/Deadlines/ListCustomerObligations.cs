using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

public sealed record ListCustomerObligationsQuery(long CustomerId) : IQuery<Result<IReadOnlyList<ObligationDto>>>;

/// <summary>A visible customer's filing and change reports, oldest first.</summary>
public sealed class ListCustomerObligationsHandler(CrmDbContext db, UserContext users, ObligationReader reader)
    : IQueryHandler<ListCustomerObligationsQuery, Result<IReadOnlyList<ObligationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ObligationDto>>> Handle(ListCustomerObligationsQuery query, CancellationToken ct)
    {
        var customer = await CustomerWrites.FindVisibleAsync(db, users.User, query.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        var obligations = await db.Obligations.AsNoTracking().Where(o => o.CustomerId == customer.Id).OrderBy(o => o.Id).ToListAsync(ct);
        return await reader.ToDtosAsync(obligations, ct);
    }
}
