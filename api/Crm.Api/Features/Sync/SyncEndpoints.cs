using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mediator;

namespace Crm.Api.Features.Sync;

public static class SyncEndpoints
{
    public static void MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup("/api/v1/sync").WithTags("Incremental sync");

        sync.MapGet("/customers", async (IMediator mediator, HttpContext http, CancellationToken ct, string? cursor, DateTimeOffset? updatedSince,
                    int limit = SyncCursor.DefaultLimit) =>
                (await mediator.Send(new SyncCustomersQuery(cursor, updatedSince, limit), ct)).Match(TypedResults.Ok, http))
            .WithName("SyncCustomers")
            .WithSummary("Customers changed since a cursor, in commit order; archived ones as tombstones (deleted: true)")
            .WithDescription("For mirrors (ERP, finance): start without `cursor` (or with `updatedSince`, an ISO 8601 instant), store `nextCursor`, " +
                             "and call again with it: while `hasMore` at once, afterwards from time to time. Every change to a customer (its grade, " +
                             "owner, key persons, tags…) moves it to the end of the feed with a new `changeSeq`; the sequence follows commit order, so " +
                             "nothing committed is skipped or sent twice even while writes go on. Only customers you may see; a customer that leaves " +
                             "your visibility (e.g. handed over to another unit) is not announced. `limit` 1–1000 (200). Live records are read-logged.")
            .Produces<SyncPage<SyncCustomer>>()
            .ProducesProblems(400);

        sync.MapGet("/facts", async (IMediator mediator, HttpContext http, CancellationToken ct, string? cursor, DateTimeOffset? updatedSince,
                    int limit = SyncCursor.DefaultLimit) =>
                (await mediator.Send(new SyncFactsQuery(cursor, updatedSince, limit), ct)).Match(TypedResults.Ok, http))
            .WithName("SyncFacts")
            .WithSummary("Monthly business facts changed since a cursor, in commit order")
            .WithDescription("The same protocol as /api/v1/sync/customers, over the facts of customers you may see. Facts are upserted, never deleted.")
            .Produces<SyncPage<SyncFact>>()
            .ProducesProblems(400);
    }
}
