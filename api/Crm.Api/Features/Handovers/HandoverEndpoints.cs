using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;

namespace Crm.Api.Features.Handovers;

public static class HandoverEndpoints
{
    public static void MapHandoverEndpoints(this IEndpointRouteBuilder app)
    {
        var handovers = app.MapGroup("/api/v1/handovers").WithTags("Handover");

        handovers.MapPost("", async (CreateHandoverRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateHandoverCommand(body.FromStaffId, body.ToStaffId, body.CustomerIds, body.Reason,
                    body.DisableLeaver, body.MoveCoServing), ct))
                .Match(h => TypedResults.Created($"/api/v1/handovers/{h.Id}", h), http))
            .WithName("CreateHandover")
            .WithSummary("Hand a person's customers to their successor in one operation (customers.handover)")
            .WithDescription("Without `customerIds` every customer the leaver owns is handed over, archived ones included, and " +
                             "(unless `moveCoServing` is false) the successor replaces the leaver as co-server. Each customer becomes the " +
                             "successor's and moves to the successor's unit; its history gets a HandedOver entry (ownerId old → new). " +
                             "`disableLeaver` also disables the leaver's account: their tokens fail on the next request. All or nothing: " +
                             "customers the caller cannot see answer 404, customers the leaver does not own 400 (customerIds), a " +
                             "successor outside the caller's scope 403.")
            .Produces<HandoverDetail>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409, 412);

        handovers.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct, long? staffId,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListHandoversQuery(staffId, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListHandovers")
            .WithSummary("Handover records, newest first; `staffId` keeps those where the person left or took over (customers.handover)")
            .Produces<Paged<HandoverListItem>>()
            .ProducesProblems(400, 403);

        handovers.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetHandoverQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetHandover")
            .WithSummary("One handover record with its customers (customers.handover)")
            .WithDescription("Customers the caller can no longer see are listed by id only, without code and name.")
            .Produces<HandoverDetail>()
            .ProducesProblems(403, 404);

        app.MapGet("/api/v1/org/staff/{id:long}/customers/summary", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetStaffCustomerSummaryQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithTags("Handover")
            .WithName("GetStaffCustomerSummary")
            .WithSummary("How many customers a person owns, co-serves and has archived, as far as the caller sees (customers.handover)")
            .Produces<StaffCustomerSummary>()
            .ProducesProblems(403, 404);
    }
}
