using System.Globalization;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Org;
using Crm.Api.Features.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Common.Startup;

public static class AuthSetup
{
    public static IServiceCollection AddCrmAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (!DatabaseInitializer.IsDesignTime)
            SigningKeyProvider.Validate(jwt, environment);

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<LoginThrottleOptions>(configuration.GetSection("Auth:LoginThrottle"));
        services.Configure<AccessCacheOptions>(configuration.GetSection("Auth:AccessCache"));
        services.Configure<Features.Access.AccessRequestOptions>(configuration.GetSection("Access:Requests"));
        services.Configure<Domain.Access.ApprovalRoutingOptions>(configuration.GetSection("Access:Approvers"));
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccessCache>();
        services.AddScoped<UserContext>();
        services.AddSingleton<IPasswordHasher<Staff>, PasswordHasher<Staff>>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKeyProvider>((o, options, keys) =>
            {
                var j = options.Value;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = j.Issuer,
                    ValidAudience = j.Audience,
                    IssuerSigningKey = keys.Key,
                    ClockSkew = TimeSpan.FromSeconds(j.ClockSkewSeconds),
                    NameClaimType = JwtRegisteredClaimNames.UniqueName,
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = LoadCurrentUser,
                    OnChallenge = WriteChallenge,
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Reads the caller's standing from the database on every request: a disabled user or a changed
    /// security stamp fails at once, not when the token expires.</summary>
    private static async Task LoadCurrentUser(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var stamp = context.Principal?.FindFirst(CrmClaims.SecurityStamp)?.Value;
        if (!long.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId))
        {
            context.Fail("令牌缺少用户标识。");
            return;
        }
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<CrmDbContext>();
        var ct = context.HttpContext.RequestAborted;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = await services.GetRequiredService<AccessCache>().GetAsync(db, staffId, now, ct);
        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            context.Fail("账号已停用或凭据已变更，请重新登录。");
            return;
        }
        // An API client's token carries the scopes granted at issue; they narrow what its role holds.
        if (context.Principal?.FindFirst(CrmClaims.Scope)?.Value is { } scope)
        {
            var lent = Domain.Integration.ApiScopes.PermissionsFor(Domain.Integration.ApiScopes.Parse(scope));
            user = user with { Permissions = user.Permissions.Where(p => lent.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value) };
        }
        services.GetRequiredService<UserContext>().Set(user);
    }

    private static async Task WriteChallenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => "访问令牌已过期，请刷新令牌。",
            null => "需要登录：请在 Authorization 请求头中携带 Bearer 令牌。",
            var failure when failure.Message.Length < 100 && !failure.Message.StartsWith("IDX", StringComparison.Ordinal) => failure.Message,
            _ => "访问令牌无效。",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = 401,
                Title = ProblemResults.TitleFor(401),
                Detail = detail,
                Extensions = { ["code"] = context.AuthenticateFailure is SecurityTokenExpiredException ? "tokenExpired" : "unauthorized" },
            },
        });
    }
}
