using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mediator;

namespace Crm.Api.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");

        group.MapPost("/token", async (IssueTokenRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new IssueTokenCommand(body.Username, body.Password, ClientAddress(http)), ct)).Match(TypedResults.Ok, http))
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Sign in with user name and password")
            .WithDescription("Returns an access JWT (valid ≤ 15 minutes) and a single-use refresh token. Unknown user, wrong password and disabled user get the same 401. Repeated failures for one user name or address answer 429 with Retry-After.")
            .Produces<TokenResponse>()
            .ProducesProblems(400, 401, 429);

        // Same route, told apart by Content-Type (the routing's Accepts policy): form-encoded is OAuth 2.0 for API clients.
        group.MapPost("/token", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var authorization = http.Request.Headers.Authorization.ToString();
                var basic = authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? authorization[6..].Trim() : null;
                var outcome = await mediator.Send(new IssueClientTokenCommand(form.ToDictionary(f => f.Key, f => f.Value.ToString()), basic), ct);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
                if (outcome.Token is { } token)
                    return Results.Json(token, statusCode: StatusCodes.Status200OK);
                if (outcome.Status == StatusCodes.Status401Unauthorized)
                    http.Response.Headers.WWWAuthenticate = "Basic realm=\"crm\"";
                return Results.Json(outcome.Error, statusCode: outcome.Status);
            })
            .AllowAnonymous()
            .Accepts<ClientCredentialsRequest>("application/x-www-form-urlencoded")
            // A request without Content-Type matches both; the later order leaves it to the JSON sign-in, as before.
            .WithOrder(1)
            .WithName("IssueClientToken")
            .WithSummary("OAuth 2.0 client-credentials grant for API clients (form-encoded)")
            .ExcludeFromDescription();

        group.MapPost("/refresh", async (RefreshTokenRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RefreshAccessTokenCommand(body.RefreshToken), ct)).Match(TypedResults.Ok, http))
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new token pair")
            .WithDescription("Refresh tokens rotate: each works once. Presenting a token that was already exchanged revokes every token of that sign-in.")
            .Produces<TokenResponse>()
            .ProducesProblems(400, 401);

        group.MapPost("/logout", async (RefreshTokenRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new LogoutCommand(body.RefreshToken), ct)).Match(_ => TypedResults.NoContent(), http))
            .WithName("Logout")
            .WithSummary("Sign out: revoke the refresh token and its family")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 401, 404);

        app.MapGet("/api/v1/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMeQuery(), ct)))
            .WithTags("Auth")
            .WithName("GetMe")
            .WithSummary("The signed-in person: unit, positions, effective permissions")
            .Produces<MeResponse>()
            .ProducesProblems(401);
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
