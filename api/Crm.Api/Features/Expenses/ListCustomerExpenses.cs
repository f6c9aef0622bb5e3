using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Expenses;

public sealed record ListCustomerExpensesQuery(long CustomerId) : IQuery<Result<IReadOnlyList<ExpenseDto>>>;

/// <summary>A customer's expenses, newest first, each with its reimbursability as of now (a later accepted filing can make earlier ones reimbursable).</summary>
public sealed class ListCustomerExpensesHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListCustomerExpensesQuery, Result<IReadOnlyList<ExpenseDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ExpenseDto>>> Handle(ListCustomerExpensesQuery query, CancellationToken ct)
    {
        if (!await db.Customers.VisibleTo(users.User, db).AnyAsync(c => c.Id == query.CustomerId, ct))
            return Error.NotFound("客户");
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.CustomerId == query.CustomerId)
            .OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        return await ExpenseAccess.ToDtosAsync(db, expenses, await ExpenseAccess.FiledOnAsync(db, query.CustomerId, ct), ct);
    }
}
