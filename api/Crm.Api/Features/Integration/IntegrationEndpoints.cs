using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;

namespace Crm.Api.Features.Integration;

public static class IntegrationEndpoints
{
    public static void MapIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/integration").WithTags("Integration");

        group.MapGet("/scopes", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListApiScopesQuery(), ct)))
            .WithName("ListApiScopes")
            .WithSummary("The OAuth scopes an API client can hold, and the permissions each lends")
            .Produces<IReadOnlyList<ApiScopeDto>>()
            .ProducesProblems(401);

        var clients = group.MapGroup("/clients");

        clients.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListApiClientsQuery(page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListApiClients")
            .WithSummary("One page of the API clients in registration order (integration.clients); never their secrets")
            .Produces<Paged<ApiClientDto>>()
            .ProducesProblems(400, 403);

        clients.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetApiClientQuery(id), ct)).Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("GetApiClient")
            .WithSummary("One API client (integration.clients); the ETag header carries its version")
            .Produces<ApiClientDto>()
            .ProducesProblems(403, 404);

        clients.MapPost("", async (CreateApiClientRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateApiClientCommand(body.Name, body.Scopes ?? [], body.DataScope, body.UnitId), ct))
                .Match(c => TypedResults.Created($"/api/v1/integration/clients/{c.Client.Id}", c), http))
            .WithName("CreateApiClient")
            .WithSummary("Register a third-party system: answers its client id and, this once, its secret")
            .WithDescription("The client signs in at POST /api/v1/auth/token with the client-credentials grant (form-encoded). It acts as a technical " +
                             "staff record holding a dedicated role whose grants are the permissions its scopes lend at its data scope, so every " +
                             "access rule, the change history and the read log apply to it and name it.")
            .Produces<ApiClientWithSecret>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403);

        clients.MapPut("/{id:long}", async (long id, UpdateApiClientRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new UpdateApiClientCommand(id, body.Name, body.Scopes ?? [], body.DataScope, body.UnitId,
                    Preconditions.ExpectedVersion(http.Request)), ct)).Match(c => TypedResults.Ok(c).WithETag(http, c.Version), http))
            .WithName("UpdateApiClient")
            .WithSummary("Change a client's name, scopes, data scope and unit (If-Match required)")
            .WithDescription("Applies on the client's next request; tokens already issued keep their scope claim, which can only narrow the new grants.")
            .Produces<ApiClientDto>()
            .ProducesProblems(400, 403, 404, 412, 428);

        clients.MapPost("/{id:long}/rotate-secret", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RotateApiClientSecretCommand(id), ct)).Match(TypedResults.Ok, http))
            .WithName("RotateApiClientSecret")
            .WithSummary("Issue a new secret (shown once); the old secret and the tokens issued with it stop working")
            .Produces<ApiClientWithSecret>()
            .ProducesProblems(403, 404);

        clients.MapPost("/{id:long}/disable", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new SetApiClientEnabledCommand(id, false), ct)).Match(TypedResults.Ok, http))
            .WithName("DisableApiClient")
            .WithSummary("Disable an API client: no new tokens, and its current tokens are refused")
            .Produces<ApiClientDto>()
            .ProducesProblems(403, 404, 409);

        clients.MapPost("/{id:long}/enable", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new SetApiClientEnabledCommand(id, true), ct)).Match(TypedResults.Ok, http))
            .WithName("EnableApiClient")
            .WithSummary("Enable a disabled API client again")
            .Produces<ApiClientDto>()
            .ProducesProblems(403, 404, 409);
    }
}
