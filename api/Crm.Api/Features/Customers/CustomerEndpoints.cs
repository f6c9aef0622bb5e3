using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Customers;
using Mapster;
using Mediator;

namespace Crm.Api.Features.Customers;

public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("Customers");

        customers.MapGet("", async (IMediator mediator, CancellationToken ct, string? q, string? grade, CustomerStatus? status,
                    CustomerCategory? category, long? ownerId, long? unitId, string? region, string? tag, string? sort,
                    bool includeSubUnits = true, bool archived = false, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListCustomersQuery(q, grade, status, category, ownerId, unitId, includeSubUnits, region, tag,
                    archived, sort, page, pageSize), ct)))
            .WithName("ListCustomers")
            .WithSummary("Customers the caller may see, filtered, searched, sorted and paged")
            .WithDescription("`q` finds a Chinese substring of the name (华信 finds 上海华信贸易有限公司) or the start of the code or credit code. " +
                             "Sort by id, name, code, grade, createdAt or updatedAt (prefix '-' for descending; default -id). " +
                             "pageSize ≤ 100; `total` stops at 10,000 (`totalIsCapped`).")
            .Produces<Paged<CustomerListItem>>()
            .ProducesProblems(400);

        customers.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetCustomerQuery(id), ct)).Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("GetCustomer")
            .WithSummary("One customer archive; the ETag header carries its version")
            .WithDescription("A customer the caller may not see answers 404, exactly as one that does not exist.")
            .Produces<CustomerDetail>()
            .ProducesProblems(404);

        customers.MapPost("", async (CreateCustomerRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<CreateCustomerCommand>(), ct))
                .Match(c => TypedResults.Created($"/api/v1/customers/{c.Id}", c).WithETag(http, c.Version), http))
            .WithName("CreateCustomer")
            .WithSummary("Create a customer archive")
            .WithDescription("The credit code is checked (GB 32100-2015) and must be unique (409). Owner defaults to the caller and the unit to the owner's; " +
                             "assigning to someone else needs customers.assign.")
            .Produces<CustomerDetail>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        customers.MapPut("/{id:long}", async (long id, UpdateCustomerRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<UpdateCustomerCommand>() with { Id = id, ExpectedVersion = Preconditions.ExpectedVersion(http.Request) }, ct))
                .Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("UpdateCustomer")
            .WithSummary("Replace a customer's archive fields (If-Match required)")
            .WithDescription("Send the ETag from the last read in If-Match: a stale one answers 412, none 428. Every changed field is written to the history.")
            .Produces<CustomerDetail>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        customers.MapPost("/{id:long}/archive", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ArchiveCustomerCommand(id, true, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("ArchiveCustomer")
            .WithSummary("Archive (soft-delete) a customer (customers.archive)")
            .Produces<CustomerDetail>()
            .ProducesProblems(403, 404, 409, 412);

        customers.MapPost("/{id:long}/restore", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ArchiveCustomerCommand(id, false, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("RestoreCustomer")
            .WithSummary("Restore an archived customer (customers.archive)")
            .Produces<CustomerDetail>()
            .ProducesProblems(403, 404, 409, 412);

        customers.MapGet("/{id:long}/history", async (long id, IMediator mediator, HttpContext http, CancellationToken ct,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new GetCustomerHistoryQuery(id, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("GetCustomerHistory")
            .WithSummary("Field-level change history of a customer (who, when, field, old → new), newest first")
            .Produces<Paged<CustomerHistoryDto>>()
            .ProducesProblems(400, 404);

        var persons = customers.MapGroup("/{customerId:long}/key-persons").WithTags("Customers");

        persons.MapGet("", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListKeyPersonsQuery(customerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListKeyPersons")
            .WithSummary("Key persons (客户关键人员) of a customer")
            .Produces<IReadOnlyList<KeyPersonDto>>()
            .ProducesProblems(404);

        persons.MapGet("/{keyPersonId:long}", async (long customerId, long keyPersonId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetKeyPersonQuery(customerId, keyPersonId), ct)).Match(k => TypedResults.Ok(k).WithETag(http, k.Version), http))
            .WithName("GetKeyPerson")
            .WithSummary("One key person")
            .Produces<KeyPersonDto>()
            .ProducesProblems(404);

        persons.MapPost("", async (long customerId, AddKeyPersonRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<AddKeyPersonCommand>() with { CustomerId = customerId }, ct))
                .Match(k => TypedResults.Created($"/api/v1/customers/{customerId}/key-persons/{k.Id}", k).WithETag(http, k.Version), http))
            .WithName("AddKeyPerson")
            .WithSummary("Add a key person to a customer")
            .Produces<KeyPersonDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409);

        persons.MapPut("/{keyPersonId:long}", async (long customerId, long keyPersonId, UpdateKeyPersonRequest body, IMediator mediator,
                    HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.Adapt<UpdateKeyPersonCommand>() with
                {
                    CustomerId = customerId, KeyPersonId = keyPersonId, ExpectedVersion = Preconditions.ExpectedVersion(http.Request),
                }, ct)).Match(k => TypedResults.Ok(k).WithETag(http, k.Version), http))
            .WithName("UpdateKeyPerson")
            .WithSummary("Replace a key person's fields (If-Match required)")
            .Produces<KeyPersonDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        persons.MapDelete("/{keyPersonId:long}", async (long customerId, long keyPersonId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RemoveKeyPersonCommand(customerId, keyPersonId, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(_ => TypedResults.NoContent(), http))
            .WithName("RemoveKeyPerson")
            .WithSummary("Remove a key person (If-Match checked when sent)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(403, 404, 409, 412);
    }
}
