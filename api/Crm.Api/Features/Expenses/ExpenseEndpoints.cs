using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mediator;

namespace Crm.Api.Features.Expenses;

public static class ExpenseEndpoints
{
    public static void MapExpenseEndpoints(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/v1/customers/{customerId:long}").WithTags("Expenses");

        customer.MapGet("/expenses", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListCustomerExpensesQuery(customerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerExpenses")
            .WithSummary("A customer's entertainment, travel and gift expenses with their reimbursability")
            .WithDescription("`reimbursable` is false with a `reason` when the customer had not been filed (filing accepted, met date on or before " +
                             "the expense date). A customer the caller may not see answers 404.")
            .Produces<IReadOnlyList<ExpenseDto>>()
            .ProducesProblems(404);

        customer.MapPost("/expenses", async (long customerId, RecordExpenseRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RecordExpenseCommand(customerId, body.SpentOn, body.Category, body.Amount, body.Description), ct))
                .Match(e => TypedResults.Created($"/api/v1/customers/{customerId}/expenses", e), http))
            .WithName("RecordExpense")
            .WithSummary("Record an expense (招待 Entertainment, 差旅 Travel, 礼品 Gift) for a customer (customers.write reaching it)")
            .WithDescription("Amount in CNY (> 0, two decimals). The answer says whether it is reimbursable and, if not, why.")
            .Produces<ExpenseDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404);

        customer.MapGet("/filing-status", async (long customerId, DateOnly? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetFilingStatusQuery(customerId, asOf), ct)).Match(TypedResults.Ok, http))
            .WithName("GetFilingStatus")
            .WithSummary("For the finance system: was the customer filed as of `asOf` (yyyy-MM-dd, default today), with the filing record")
            .WithDescription("Filed as of D: the filing was accepted and the accepted submission's business date is on or before D. " +
                             "A customer the caller may not see answers 404.")
            .Produces<FilingStatusDto>()
            .ProducesProblems(400, 404);
    }
}
