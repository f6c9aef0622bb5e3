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

        access.MapDelete("/roles/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DeleteRoleCommand(id), ct)).Match(_ => TypedResults.NoContent(), http))
            .WithName("DeleteRole")
            .WithSummary("Delete a role nobody holds (admin.roles); built-in roles cannot be deleted")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(403, 404, 409);
    }
}
