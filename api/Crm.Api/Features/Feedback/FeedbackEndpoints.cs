using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mapster;
using Mediator;

namespace Crm.Api.Features.Feedback;

public static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/v1/customers/{customerId:long}/feedback-forms").WithTags("Feedback forms");

        forms.MapGet("", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListCustomerFeedbackFormsQuery(customerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerFeedbackForms")
            .WithSummary("A customer's feedback forms (客户信息反馈表), newest month first")
            .WithDescription("A customer the caller may not see answers 404.")
            .Produces<IReadOnlyList<FeedbackFormDto>>()
            .ProducesProblems(404);

        forms.MapPost("", async (long customerId, SubmitFeedbackFormRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<SubmitFeedbackFormCommand>() with { CustomerId = customerId }, ct))
                .Match(f => TypedResults.Created($"/api/v1/customers/{customerId}/feedback-forms", f), http))
            .WithName("SubmitFeedbackForm")
            .WithSummary("Submit a feedback form about a customer (customers.write reaching it)")
            .WithDescription("`month` (yyyy-MM) defaults to this month and may not be later. The form records the customer's grade now and " +
                             "counts for the customer's owning unit's monthly quota. 404 when the customer is not visible, 403 when visible but " +
                             "out of the caller's customers.write reach, 409 when archived.")
            .Produces<FeedbackFormDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409);

        app.MapGet("/api/v1/feedback-forms", async (IMediator mediator, CancellationToken ct, string? month, long? unitId, long? customerId, string? grade,
                    bool includeSubUnits = false, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListFeedbackFormsQuery(month, unitId, includeSubUnits, customerId, grade, page, pageSize), ct)))
            .WithTags("Feedback forms")
            .WithName("ListFeedbackForms")
            .WithSummary("Feedback forms about every customer the caller may see, newest month first")
            .WithDescription("Filters: `month` (yyyy-MM), `unitId` (+ `includeSubUnits`) the forms count for, `customerId`, `grade` (at submission). " +
                             "pageSize ≤ 100; `total` stops at 10,000.")
            .Produces<Paged<FeedbackFormDto>>()
            .ProducesProblems(400);

        app.MapGet("/api/v1/feedback-quotas", async (IMediator mediator, CancellationToken ct, string? month, long? unitId) =>
                TypedResults.Ok(await mediator.Send(new GetFeedbackQuotasQuery(month, unitId), ct)))
            .WithTags("Feedback forms")
            .WithName("GetFeedbackQuotas")
            .WithSummary("Monthly feedback-form quota status per unit (default for sales units: ≥ 5, of which ≥ 2 A, ≥ 2 B, ≥ 1 C)")
            .WithDescription("`month` yyyy-MM (default this month); `unitId` restricts to that unit's sub-tree. Units with a quota for their kind " +
                             "(setting Deadlines:FeedbackQuota) within the caller's reach: company-wide readers, deadlines.manage and kpi.manage " +
                             "holders see all; unit managers their sub-tree; others their own unit. Counts only, no customer.")
            .Produces<IReadOnlyList<FeedbackQuotaStatus>>()
            .ProducesProblems(400);
    }
}
