using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Feedback;

public sealed record ListCustomerFeedbackFormsQuery(long CustomerId) : IQuery<Result<IReadOnlyList<FeedbackFormDto>>>;

/// <summary>A visible customer's feedback forms, newest month first.</summary>
public sealed class ListCustomerFeedbackFormsHandler(CrmDbContext db, UserContext users)
    : IQueryHandler<ListCustomerFeedbackFormsQuery, Result<IReadOnlyList<FeedbackFormDto>>>
{
    public async ValueTask<Result<IReadOnlyList<FeedbackFormDto>>> Handle(ListCustomerFeedbackFormsQuery query, CancellationToken ct)
    {
        var customer = await CustomerWrites.FindVisibleAsync(db, users.User, query.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        var forms = await db.FeedbackForms.AsNoTracking().Where(f => f.CustomerId == customer.Id)
            .OrderByDescending(f => f.Month).ThenByDescending(f => f.Id).Take(500).ToListAsync(ct);
        return await forms.ToDtosAsync(db, ct);
    }
}
