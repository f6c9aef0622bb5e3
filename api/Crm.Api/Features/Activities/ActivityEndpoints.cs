using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Activities;
using Mapster;
using Mediator;

namespace Crm.Api.Features.Activities;

public static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/activities", async (IMediator mediator, CancellationToken ct, long? customerId, ActivityKind? kind, string? from, string? to,
                    long? participantId, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListActivitiesQuery(customerId, kind, from, to, participantId, page, pageSize), ct)))
            .WithTags("Activities")
            .WithName("ListActivities")
            .WithSummary("Follow-up activities of every customer the caller may see, newest first")
            .WithDescription("Filters: `customerId`, `kind` (Visit, Call, Email, Message, Meeting, Gift, Greeting), `from`/`to` (occurrence dates " +
                             "yyyy-MM-dd, inclusive), `participantId` (one of our staff took part). Customers the caller may not see contribute " +
                             "nothing. pageSize ≤ 100; `total` stops at 10,000. Each customer shown is recorded in the read log.")
            .Produces<Paged<ActivityDto>>()
            .ProducesProblems(400);

        var activities = app.MapGroup("/api/v1/customers/{customerId:long}/activities").WithTags("Activities");

        activities.MapGet("", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct, ActivityKind? kind, string? from,
                    string? to, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListCustomerActivitiesQuery(customerId, kind, from, to, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerActivities")
            .WithSummary("A customer's follow-up activities (跟进记录), newest first")
            .WithDescription("Filters `kind`, `from`/`to` (occurrence dates, inclusive). A customer the caller may not see answers 404.")
            .Produces<Paged<ActivityDto>>()
            .ProducesProblems(400, 404);

        activities.MapGet("/{activityId:long}", async (long customerId, long activityId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetActivityQuery(customerId, activityId), ct)).Match(a => TypedResults.Ok(a).WithETag(http, a.Version), http))
            .WithName("GetActivity")
            .WithSummary("One follow-up activity; the ETag header carries its version")
            .Produces<ActivityDto>()
            .ProducesProblems(404);

        activities.MapPost("", async (long customerId, CreateActivityRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<CreateActivityCommand>() with { CustomerId = customerId }, ct))
                .Match(a => TypedResults.Created($"/api/v1/customers/{customerId}/activities/{a.Id}", a).WithETag(http, a.Version), http))
            .WithName("CreateActivity")
            .WithSummary("Record a visit, call, e-mail, message, meeting, gift or greeting (activities.write)")
            .WithDescription("`occurredOn` is a business date (Asia/Shanghai), not after today and not before 2000. `participantIds` are our " +
                             "staff (default: the caller); `keyPersonIds` must be this customer's key persons. Needs activities.write with a scope " +
                             "reaching the customer: 404 when the customer is not visible, 403 when visible but out of reach, 409 when archived.")
            .Produces<ActivityDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409);

        activities.MapPut("/{activityId:long}", async (long customerId, long activityId, UpdateActivityRequest body, IMediator mediator,
                    HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<UpdateActivityCommand>() with
                {
                    CustomerId = customerId, ActivityId = activityId, ExpectedVersion = Preconditions.ExpectedVersion(http.Request),
                }, ct)).Match(a => TypedResults.Ok(a).WithETag(http, a.Version), http))
            .WithName("UpdateActivity")
            .WithSummary("Replace an activity's fields (If-Match required; its author, or activities.manage)")
            .WithDescription("Its author may change it while holding activities.write for the customer; anybody else needs activities.manage " +
                             "reaching the customer (unit managers, 市场部, company leaders). 412 when stale, 428 without If-Match. " +
                             "participantIds and keyPersonIds left out stay as recorded.")
            .Produces<ActivityDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        activities.MapDelete("/{activityId:long}", async (long customerId, long activityId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DeleteActivityCommand(customerId, activityId, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(_ => TypedResults.NoContent(), http))
            .WithName("DeleteActivity")
            .WithSummary("Delete an activity (its author, or activities.manage; If-Match checked when sent)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(403, 404, 409, 412);
    }
}
