using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mediator;

namespace Crm.Api.Features.Access;

public static class AccessEndpoints
{
    public static void MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/v1/access").WithTags("Access");

        access.MapGet("/permissions", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListPermissionsQuery(), ct)))
            .WithName("ListPermissions")
            .WithSummary("The permission catalogue")
            .Produces<IReadOnlyList<PermissionDto>>();

        access.MapGet("/roles", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListRolesQuery(), ct)))
            .WithName("ListRoles")
            .WithSummary("Every role with its permissions and scopes")
            .Produces<IReadOnlyList<RoleDto>>();

        access.MapGet("/roles/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetRoleQuery(id), ct)).Match(r => TypedResults.Ok(r).WithETag(http, r.Version), http))
            .WithName("GetRole")
            .WithSummary("One role")
            .Produces<RoleDto>()
            .ProducesProblems(404);

        access.MapPost("/roles", async (CreateRoleRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateRoleCommand(body.Code, body.Name, body.Description, body.Grants), ct))
                .Match(r => TypedResults.Created($"/api/v1/access/roles/{r.Id}", r).WithETag(http, r.Version), http))
            .WithName("CreateRole")
            .WithSummary("Create a role (admin.roles)")
            .Produces<RoleDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        access.MapPut("/roles/{id:long}", async (long id, UpdateRoleRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new UpdateRoleCommand(id, body.Name, body.Description, body.Grants, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(r => TypedResults.Ok(r).WithETag(http, r.Version), http))
            .WithName("UpdateRole")
            .WithSummary("Change a role's name and grants (admin.roles; If-Match required); holders are affected on their next request")
            .WithDescription("Refused with 409 lastAdministrator when no active person would hold admin.roles afterwards.")
            .Produces<RoleDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        access.MapGet("/customer-lookup", async (IMediator mediator, CancellationToken ct, string? name, string? creditCode) =>
                TypedResults.Ok(await mediator.Send(new LookupCustomerQuery(name, creditCode), ct)))
            .WithName("LookupCustomer")
            .WithSummary("Find a customer to ask access for: exact full name or credit code → id and owning unit only")
            .WithDescription("Reveals nothing of the archive; `visibleToYou` says whether a request is needed at all.")
            .Produces<IReadOnlyList<CustomerLookupResult>>()
            .ProducesProblems(400);

        access.MapPost("/requests", async (CreateAccessRequestRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateAccessRequestCommand(body.CustomerId, body.Reason, body.Days), ct))
                .Match(r => TypedResults.Created($"/api/v1/access/requests/{r.Id}", r), http))
            .WithName("CreateAccessRequest")
            .WithSummary("Ask to read an archive you cannot see; routed to your unit manager (own unit) or the general manager (other unit)")
            .Produces<AccessRequestDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 404, 409);

        access.MapGet("/requests", async (IMediator mediator, CancellationToken ct, AccessRequestBox box = AccessRequestBox.Mine,
                    Domain.Access.AccessRequestStatus? status = null, int page = 1, int pageSize = Common.Paging.PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListAccessRequestsQuery(box, status, page, pageSize), ct)))
            .WithName("ListAccessRequests")
            .WithSummary("Your requests (box=Mine) or your approval inbox (box=Inbox)")
            .Produces<Common.Paging.Paged<AccessRequestDto>>()
            .ProducesProblems(400);

        access.MapGet("/requests/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetAccessRequestQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetAccessRequest")
            .WithSummary("One access request (its requester, its approver, company-wide approvers and administrators)")
            .Produces<AccessRequestDto>()
            .ProducesProblems(404);

        access.MapPost("/requests/{id:long}/approve", async (long id, DecideAccessRequestRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DecideAccessRequestCommand(id, true, body.Comment), ct)).Match(TypedResults.Ok, http))
            .WithName("ApproveAccessRequest")
            .WithSummary("Approve: creates a read-only grant that expires by itself (access.approve; not your own request)")
            .WithDescription("When two approvers act at once, one wins and the other gets 409 alreadyDecided.")
            .Produces<AccessRequestDto>()
            .ProducesProblems(400, 403, 404, 409);

        access.MapPost("/requests/{id:long}/reject", async (long id, DecideAccessRequestRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DecideAccessRequestCommand(id, false, body.Comment), ct)).Match(TypedResults.Ok, http))
            .WithName("RejectAccessRequest")
            .WithSummary("Reject with a comment (access.approve; not your own request)")
            .Produces<AccessRequestDto>()
            .ProducesProblems(400, 403, 404, 409);

        access.MapPost("/requests/{id:long}/cancel", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CancelAccessRequestCommand(id), ct)).Match(TypedResults.Ok, http))
            .WithName("CancelAccessRequest")
            .WithSummary("Withdraw your pending request")
            .Produces<AccessRequestDto>()
            .ProducesProblems(403, 404, 409);

        access.MapGet("/grants", async (IMediator mediator, CancellationToken ct, bool activeOnly = false, int page = 1,
                    int pageSize = Common.Paging.PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListAccessGrantsQuery(activeOnly, page, pageSize), ct)))
            .WithName("ListAccessGrants")
            .WithSummary("Grants you hold or gave, with their expiry")
            .Produces<Common.Paging.Paged<AccessGrantDto>>()
            .ProducesProblems(400);

        access.MapPost("/grants/{id:long}/revoke", async (long id, RevokeAccessGrantRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RevokeAccessGrantCommand(id, body.Reason), ct)).Match(TypedResults.Ok, http))
            .WithName("RevokeAccessGrant")
            .WithSummary("End a grant early (its holder, whoever granted it, company-wide approvers, administrators)")
            .Produces<AccessGrantDto>()
            .ProducesProblems(400, 404, 409);

        access.MapDelete("/roles/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DeleteRoleCommand(id), ct)).Match(_ => TypedResults.NoContent(), http))
            .WithName("DeleteRole")
            .WithSummary("Delete a role nobody holds (admin.roles); built-in roles cannot be deleted")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(403, 404, 409);
    }
}
