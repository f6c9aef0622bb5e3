using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mapster;
using Mediator;

namespace Crm.Api.Features.Facts;

public static class FactEndpoints
{
    public static void MapFactEndpoints(this IEndpointRouteBuilder app)
    {
        var facts = app.MapGroup("/api/v1").WithTags("Business facts");

        facts.MapGet("/customers/{id:long}/facts", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, string? from, string? to) =>
                (await mediator.Send(new GetCustomerFactsQuery(id, from, to), ct)).Match(TypedResults.Ok, http))
            .WithName("GetCustomerFacts")
            .WithSummary("A customer's monthly business facts in a range, with totals and cooperation years")
            .WithDescription("`from` and `to` are months (yyyy-MM, inclusive); by default the twelve months up to the current one (Asia/Shanghai). " +
                             "Months without figures are left out. `cooperationYears` counts completed years since `cooperationStartOn` as of today. " +
                             "A customer the caller may not see answers 404.")
            .Produces<CustomerFactsDto>()
            .ProducesProblems(400, 404);

        facts.MapPut("/customers/{id:long}/facts/{month}", async (long id, string month, UpsertCustomerFactRequest body, IMediator mediator,
                    HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<UpsertCustomerFactCommand>() with { CustomerId = id, Month = month }, ct))
                .Match(r => r.Created
                    ? TypedResults.Created($"/api/v1/customers/{id}/facts?from={r.Fact.Month}&to={r.Fact.Month}", r.Fact)
                    : (IResult)TypedResults.Ok(r.Fact), http))
            .WithName("UpsertCustomerFact")
            .WithSummary("Enter or replace one month's business facts of a customer (customers.write)")
            .WithDescription("`month` is yyyy-MM. Answers 201 when the month is new, 200 when it replaced the figures (the version moves only when " +
                             "something changed). Needs customers.write with a scope reaching the customer: 404 when the customer is not visible, " +
                             "403 when visible but not writable, 409 when archived.")
            .Produces<FactDto>()
            .Produces<FactDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409);

        facts.MapPost("/facts/bulk", async (BulkUpsertFactsCommand body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body, ct)).Match(report => report.Written
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem("有行未通过校验，未写入任何数据。", statusCode: StatusCodes.Status400BadRequest,
                        title: ProblemResults.TitleFor(400),
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "bulkRejected", ["rows"] = report.Rows, ["failed"] = report.Failed, ["results"] = report.Results,
                        }), http))
            .WithName("BulkUpsertFacts")
            .WithSummary("Enter many customer-months at once (upsert by customer + month)")
            .WithDescription("Each row is checked on its own; `results` reports per row (index from 0) created, updated or error with its field errors. " +
                             "A customer the caller cannot write is an error row \"客户不存在或无权维护\" either way. With `allOrNothing` any error " +
                             "writes nothing and answers 400 (code bulkRejected) with the same per-row results (valid rows marked valid); otherwise " +
                             "the valid rows are written together. At most 5,000 rows per request (Facts:MaxBulkRows).")
            .Produces<BulkFactsReport>()
            .ProducesProblems(400);
    }
}
