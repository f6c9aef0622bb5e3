using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;

namespace Crm.Api.Features.Access;

public static class ReadLogEndpoints
{
    /// <summary>Read-only by design: the read log has no update or delete route.</summary>
    public static void MapReadLogEndpoints(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/api/v1/access/read-log").WithTags("Access");

        log.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct, long? staffId, long? customerId,
                    DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListReadLogQuery(staffId, customerId, from, to, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListReadLog")
            .WithSummary("Who read which customer archive, when, through which right and from which client (access.auditLog)")
            .WithDescription("Newest first. Filters: `staffId` (the reader), `customerId`, `from` (inclusive) and `to` (exclusive) as ISO 8601 " +
                             "instants. pageSize ≤ 100; `total` stops at 10,000 (`totalIsCapped`). The log is append-only: there is no way to change or remove an entry.")
            .Produces<Paged<ReadLogEntryDto>>()
            .ProducesProblems(400, 403);

        log.MapGet("/verify", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new VerifyReadLogQuery(), ct)).Match(TypedResults.Ok, http))
            .WithName("VerifyReadLog")
            .WithSummary("Check the read log's hash chain end to end (access.auditLog)")
            .WithDescription("Each entry's SHA-256 covers its fields and the previous entry's hash. `firstBrokenEntryId` is the first entry " +
                             "that was edited, moved, or follows a removed one; null when the chain is intact.")
            .Produces<ReadLogVerification>()
            .ProducesProblems(403);
    }
}
