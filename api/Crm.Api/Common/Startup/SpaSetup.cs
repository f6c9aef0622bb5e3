using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Crm.Api.Common.Startup;

/// <summary>
/// Serves the staff SPA (the built <c>web/dist</c>) at <c>/</c> next to the API, with deep links falling back to
/// <c>index.html</c>. Setting <c>Spa:Root</c> (default <c>../../web/dist</c>, relative to the content root) says where the
/// build is; without an <c>index.html</c> there the API runs alone. The fallback never answers <c>/api</c>,
/// <c>/swagger</c> or <c>/health</c> paths, so unknown API routes keep their problem+json 404.
/// </summary>
public static class SpaSetup
{
    public const string RootSetting = "Spa:Root";
    public const string DefaultRoot = "../../web/dist";

    /// <summary>First path segments that belong to the server, never to the SPA.</summary>
    private static readonly string[] ServerPrefixes = ["api", "swagger", "health"];

    public static IServiceCollection AddCrmSpa(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<SpaPathConstraint>("spaPath"));
        return services;
    }

    /// <summary>The SPA's folder when it holds a build, else null.</summary>
    public static string? ResolveRoot(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration[RootSetting];
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? DefaultRoot : configured));
        return File.Exists(Path.Combine(root, "index.html")) ? root : null;
    }

    /// <summary>Static files of the SPA; call before authentication so assets and index.html need no token.</summary>
    /// <returns>The SPA's files, or an empty provider when there is no build (then only the API is served).</returns>
    public static IFileProvider UseCrmSpaFiles(this WebApplication app)
    {
        var root = ResolveRoot(app.Configuration, app.Environment);
        if (root is null)
        {
            app.Logger.LogInformation("No SPA build found ({Setting} = {Root}): serving the API only", RootSetting,
                app.Configuration[RootSetting] ?? DefaultRoot);
            return new NullFileProvider();
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCacheHeaders });
        app.Logger.LogInformation("Serving the SPA from {Root}", root);
        return files;
    }

    /// <summary>
    /// Any other non-file path (a deep link such as <c>/customers/42</c>) gets <c>index.html</c>. The route exists with
    /// or without a build (the route table does not depend on the machine); without one it answers 404.
    /// </summary>
    public static WebApplication MapCrmSpaFallback(this WebApplication app, IFileProvider files)
    {
        app.MapFallbackToFile("{*path:nonfile:spaPath}", "index.html",
                new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCacheHeaders })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Hashed assets are immutable; index.html is revalidated so a new build is picked up at once.</summary>
    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }

    /// <summary>Matches paths whose first segment is not one of the server's own prefixes.</summary>
    public sealed class SpaPathConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        {
            var path = values.TryGetValue(routeKey, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
            var first = path.TrimStart('/').Split('/', 2)[0];
            return !ServerPrefixes.Any(p => string.Equals(p, first, StringComparison.OrdinalIgnoreCase));
        }
    }
}
