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
