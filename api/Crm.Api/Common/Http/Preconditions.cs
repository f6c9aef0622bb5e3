using System.Globalization;
using Crm.Api.Common.Errors;

namespace Crm.Api.Common.Http;

/// <summary>Optimistic concurrency over HTTP: the app-managed version is the strong ETag <c>"n"</c>.</summary>
public static class Preconditions
{
    public static string ETagFor(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads <c>If-Match</c>: null when absent, -1 when present but not one of our tags (never matches).</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return null;
        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
            tag = tag[2..];
        tag = tag.Trim('"');
        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    public static Error? Check(int? expectedVersion, int currentVersion) => expectedVersion switch
    {
        null => Error.PreconditionRequired(),
        var v when v != currentVersion => Error.PreconditionFailed(),
        _ => null,
    };

    public static IResult WithETag(this IResult result, HttpContext http, int version)
    {
        http.Response.Headers.ETag = ETagFor(version);
        return result;
    }
}
