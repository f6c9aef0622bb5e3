using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;

namespace Crm.Api.Features.Org;

public static class OrgEndpoints
{
    public static void MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/org/units").WithTags("Organisation");

        units.MapGet("", async (IMediator mediator, CancellationToken ct, bool includeInactive = false) =>
                TypedResults.Ok(await mediator.Send(new ListOrgUnitsQuery(includeInactive), ct)))
            .WithName("ListOrgUnits")
            .WithSummary("The organisation tree as a depth-first list (parents before children)")
            .Produces<IReadOnlyList<OrgUnitDto>>();

        units.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetOrgUnitQuery(id), ct)).Match(u => TypedResults.Ok(u).WithETag(http, u.Version), http))
            .WithName("GetOrgUnit")
            .WithSummary("One organisation unit")
            .Produces<OrgUnitDto>()
            .ProducesProblems(404);

        units.MapPost("", async (CreateOrgUnitRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateOrgUnitCommand(body.Name, body.Code, body.Kind, body.ParentId), ct))
                .Match(u => TypedResults.Created($"/api/v1/org/units/{u.Id}", u).WithETag(http, u.Version), http))
            .WithName("CreateOrgUnit")
            .WithSummary("Create a unit under an existing one (admin.org)")
            .Produces<OrgUnitDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        units.MapPut("/{id:long}", async (long id, UpdateOrgUnitRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new UpdateOrgUnitCommand(id, body.Name, body.Code, body.Kind, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(u => TypedResults.Ok(u).WithETag(http, u.Version), http))
            .WithName("UpdateOrgUnit")
            .WithSummary("Rename a unit or change its code or kind (admin.org; If-Match required)")
            .Produces<OrgUnitDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        units.MapPost("/{id:long}/move", async (long id, MoveOrgUnitRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new MoveOrgUnitCommand(id, body.NewParentId, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(u => TypedResults.Ok(u).WithETag(http, u.Version), http))
            .WithName("MoveOrgUnit")
            .WithSummary("Move a unit with its sub-tree under another parent (admin.org; If-Match required)")
            .Produces<OrgUnitDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        units.MapPost("/{id:long}/disable", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DisableOrgUnitCommand(id, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(u => TypedResults.Ok(u).WithETag(http, u.Version), http))
            .WithName("DisableOrgUnit")
            .WithSummary("Disable an empty unit (admin.org)")
            .WithDescription("Refused with 409 while the unit has active sub-units, active staff or customers.")
            .Produces<OrgUnitDto>()
            .ProducesProblems(403, 404, 409, 412);

        var staff = app.MapGroup("/api/v1/org/staff").WithTags("Organisation");

        staff.MapGet("", async (IMediator mediator, CancellationToken ct, long? unitId, string? q,
                    bool includeSubUnits = true, bool includeInactive = false, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListStaffQuery(unitId, includeSubUnits, q, includeInactive, page, pageSize), ct)))
            .WithName("ListStaff")
            .WithSummary("Staff, filtered by unit (with sub-units) and name")
            .Produces<Paged<StaffDto>>()
            .ProducesProblems(400);

        staff.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetStaffQuery(id), ct)).Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("GetStaff")
            .WithSummary("One member of staff")
            .Produces<StaffDto>()
            .ProducesProblems(404);

        staff.MapPost("", async (CreateStaffRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateStaffCommand(body.Username, body.DisplayName, body.UnitId, body.Positions, body.Email, body.Phone, body.Password, body.RoleIds), ct))
                .Match(s => TypedResults.Created($"/api/v1/org/staff/{s.Id}", s).WithETag(http, s.Version), http))
            .WithName("CreateStaff")
            .WithSummary("Create a member of staff with an initial password (admin.users)")
            .Produces<StaffDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        staff.MapPut("/{id:long}", async (long id, UpdateStaffRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new UpdateStaffCommand(id, body.DisplayName, body.UnitId, body.Positions, body.Email, body.Phone,
                    Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("UpdateStaff")
            .WithSummary("Change a person's name, unit, positions or contacts (admin.users; If-Match required)")
            .Produces<StaffDto>()
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        staff.MapPut("/{id:long}/roles", async (long id, SetStaffRolesRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new SetStaffRolesCommand(id, body.RoleIds, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("SetStaffRoles")
            .WithSummary("Replace the roles a person holds (admin.users); effective on their next request")
            .WithDescription("The last active holder of admin.roles cannot lose it (409 lastAdministrator). If-Match is checked when sent.")
            .Produces<StaffDto>()
            .ProducesProblems(400, 403, 404, 409, 412);

        staff.MapPost("/{id:long}/disable", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DisableStaffCommand(id), ct)).Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("DisableStaff")
            .WithSummary("Disable a person who left (admin.users): their tokens stop working at once")
            .WithDescription("The last active administrator cannot be disabled (409).")
            .Produces<StaffDto>()
            .ProducesProblems(403, 404, 409);

        staff.MapPost("/{id:long}/enable", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new EnableStaffCommand(id), ct)).Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("EnableStaff")
            .WithSummary("Enable a disabled person again (admin.users)")
            .Produces<StaffDto>()
            .ProducesProblems(403, 404, 409);

        staff.MapPost("/{id:long}/password", async (long id, ResetStaffPasswordRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ResetStaffPasswordCommand(id, body.NewPassword), ct)).Match(_ => TypedResults.NoContent(), http))
            .WithName("ResetStaffPassword")
            .WithSummary("Set a new password (admin.users); earlier tokens stop working")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 403, 404);
    }
}
