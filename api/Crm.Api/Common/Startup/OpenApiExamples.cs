using Crm.Api.Features.Auth;

namespace Crm.Api.Common.Startup;

/// <summary>Example bodies shown in the contract and Swagger UI.</summary>
public static class OpenApiExamples
{
    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(IssueTokenRequest)] = new IssueTokenRequest("east.sales1", "Crm@demo2026"),
        [typeof(RefreshTokenRequest)] = new RefreshTokenRequest("q0V4mJ3yTn2xkG8cX1bR5sWfL7aZeD9hP6uQ0iO4vMc"),
        [typeof(TokenResponse)] = new TokenResponse("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…", "Bearer", 900,
            "q0V4mJ3yTn2xkG8cX1bR5sWfL7aZeD9hP6uQ0iO4vMc", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero)),
    };

    public static object? For(Type type) => Examples.GetValueOrDefault(type);

    public static void Add(Type type, object example) => Examples[type] = example;
}
