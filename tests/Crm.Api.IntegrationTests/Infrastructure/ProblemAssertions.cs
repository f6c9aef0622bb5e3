using System.Text.Json.Nodes;

namespace Crm.Api.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>The problem lists <paramref name="field"/> (exactly as the client spells it, camelCase) under errors.</summary>
    public static void ShouldHaveFieldError(JsonObject problem, string field) =>
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, problem.ToJsonString());
}
