using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Deadlines;
using Mediator;

namespace Crm.Api.Features.Deadlines;

public static class DeadlineEndpoints
{
    public static void MapDeadlineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/obligations", async (IMediator mediator, CancellationToken ct, ObligationState? state, ObligationKind? kind, long? customerId,
                    long? unitId, long? ownerId, bool includeSubUnits = false, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListObligationsQuery(state, kind, customerId, unitId, includeSubUnits, ownerId, page, pageSize), ct)))
            .WithTags("Deadlines")
            .WithName("ListObligations")
            .WithSummary("The deadline board: filings and change reports of every customer the caller may see, earliest due first")
            .WithDescription("Filters: `state` (Pending, DueSoon, Overdue, Submitted, MetOnTime, MetLate — on today's business date), `kind` " +
                             "(Filing, ChangeReport), `customerId`, `unitId` (+ `includeSubUnits`) of the unit that owes them, `ownerId` of the responsible person. " +
                             "pageSize ≤ 100; `total` stops at 10,000.")
            .Produces<Paged<ObligationDto>>()
            .ProducesProblems(400);

        app.MapGet("/api/v1/deadline-board", async (IMediator mediator, HttpContext http, CancellationToken ct, long? unitId, long? staffId,
                    ObligationKind? kind, DateOnly? dueFrom, DateOnly? dueTo, bool includeSubUnits = true, bool mine = false, int listSize = 10) =>
                (await mediator.Send(new GetDeadlineBoardQuery(unitId, includeSubUnits, staffId, mine, kind, dueFrom, dueTo, listSize), ct)).Match(TypedResults.Ok, http))
            .WithTags("Deadlines")
            .WithName("GetDeadlineBoard")
            .WithSummary("The deadline board: counts per state and kind, and the overdue, due-soon and met-late lists, for a person, a unit or the company")
            .WithDescription("Scope: `mine=true` (the caller's obligations), `staffId` (a responsible person), `unitId` of the unit that owes them " +
                             "(sub-units included unless `includeSubUnits=false`), or none (everything the caller may see: the company for company-wide " +
                             "readers). Filters `kind` (Filing, ChangeReport), `dueFrom`/`dueTo` (due dates, inclusive). States on today's business date " +
                             "(Asia/Shanghai). `listSize` (0–50, default 10) items per list: overdue (most overdue first), due soon (earliest first), " +
                             "met late (most recently met first); page through a whole state with GET /api/v1/obligations?state=…. Only customers the caller " +
                             "may see are counted or listed.")
            .Produces<DeadlineBoardDto>()
            .ProducesProblems(400);

        app.MapGet("/api/v1/reminders/mine", async (IMediator mediator, CancellationToken ct, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListMyRemindersQuery(page, pageSize), ct)))
            .WithTags("Deadlines")
            .WithName("ListMyReminders")
            .WithSummary("Reminders sent to the caller about overdue filings and change reports, newest first")
            .Produces<Paged<ReminderDto>>()
            .ProducesProblems(400);

        var customer = app.MapGroup("/api/v1/customers/{customerId:long}").WithTags("Deadlines");

        customer.MapGet("/obligations", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListCustomerObligationsQuery(customerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerObligations")
            .WithSummary("A customer's filing (客户备案) and change reports (客户信息维护表) with their states and dates")
            .WithDescription("A customer the caller may not see answers 404.")
            .Produces<IReadOnlyList<ObligationDto>>()
            .ProducesProblems(404);

        MapDecisions(customer, "/filing", ObligationKind.Filing, "Filing", "the customer's filing (客户基本信息表)");
        MapDecisions(customer, "/change-reports/{reportId:long}", ObligationKind.ChangeReport, "ChangeReport", "a change report (客户信息维护表)");
    }

    private static void MapDecisions(RouteGroupBuilder group, string prefix, ObligationKind kind, string name, string what)
    {
        static long? Report(HttpContext http) => http.Request.RouteValues.TryGetValue("reportId", out var v) && long.TryParse(v?.ToString(), out var id) ? id : null;

        group.MapPost(prefix + "/submit", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new SubmitObligationCommand(customerId, kind, Report(http)), ct)).Match(TypedResults.Ok, http))
            .WithName($"Submit{name}")
            .WithSummary($"Submit {what} (customers.write reaching the customer)")
            .WithDescription("The archive must have every field of Deadlines:FilingRequiredFields; otherwise 400 `filingIncomplete` with one " +
                             "field error per missing field. Open or returned ones only (409 otherwise). 404 when the customer is not visible, " +
                             "403 when visible but out of reach.")
            .Produces<ObligationDto>()
            .ProducesProblems(400, 403, 404, 409);

        group.MapPost(prefix + "/accept", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new AcceptObligationCommand(customerId, kind, Report(http)), ct)).Match(TypedResults.Ok, http))
            .WithName($"Accept{name}")
            .WithSummary($"Accept {what} (deadlines.manage): met on time or late by its submission date")
            .Produces<ObligationDto>()
            .ProducesProblems(403, 404, 409);

        group.MapPost(prefix + "/return", async (long customerId, ReturnObligationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ReturnObligationCommand(customerId, kind, Report(http), body.Reason), ct)).Match(TypedResults.Ok, http))
            .WithName($"Return{name}")
            .WithSummary($"Return {what} with a reason (deadlines.manage); it may be resubmitted, the due date stays")
            .Produces<ObligationDto>()
            .ProducesProblems(400, 403, 404, 409);
    }
}
