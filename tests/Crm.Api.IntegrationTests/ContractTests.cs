using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>The committed contract in openapi/ is what the API serves, and it documents what clients need.</summary>
public sealed class ContractTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private static readonly HashSet<string> AnonymousOperations = ["IssueToken", "RefreshToken"];
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task The_committed_contract_equals_the_served_document()
    {
        var path = Path.Combine(RepositoryRoot(), "openapi", "Crm.Api.json");
        File.Exists(path).ShouldBeTrue($"{path} is missing");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));

        var served = await Served();

        JsonNode.DeepEquals(committed, served).ShouldBeTrue(
            "openapi/Crm.Api.json differs from the document the API serves at /swagger/v1/swagger.json. " +
            "Rebuild without CI=true (`dotnet build api/Crm.Api`, which regenerates openapi/) and commit openapi/Crm.Api.json.");
    }

    [Fact]
    public async Task Every_operation_has_an_operationId_a_summary_and_a_4xx_response()
    {
        var operations = Operations(await Served()).ToList();

        operations.Count.ShouldBeGreaterThan(10);
        foreach (var (name, operation) in operations)
        {
            operation["operationId"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name} has no operationId");
            operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name} has no summary");
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            statuses.ShouldContain(s => s.StartsWith('4'), $"{name} declares no 4xx response");
        }
        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBeUnique();
    }

    [Fact]
    public async Task Every_operation_that_needs_a_token_declares_401_and_the_Bearer_requirement()
    {
        var document = await Served();
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");

        foreach (var (name, operation) in Operations(document))
        {
            var id = operation["operationId"]!.GetValue<string>();
            var security = operation["security"]?.AsArray();
            if (AnonymousOperations.Contains(id))
            {
                (security is null || security.Count == 0).ShouldBeTrue($"{name} is anonymous but declares a security requirement");
                continue;
            }
            operation["responses"]!.AsObject().ContainsKey("401").ShouldBeTrue($"{name} does not declare 401");
            security.ShouldNotBeNull($"{name} has no security requirement");
            security.ShouldContain(s => s!.AsObject().ContainsKey("Bearer"), $"{name} does not require the Bearer scheme");
        }
    }

    [Fact]
    public async Task Creating_a_customer_documents_400_and_409()
    {
        var responses = (await Served())["paths"]!["/api/v1/customers"]!["post"]!["responses"]!.AsObject();

        responses.ContainsKey("201").ShouldBeTrue();
        responses.ContainsKey("400").ShouldBeTrue();
        responses.ContainsKey("409").ShouldBeTrue();
    }

    [Fact]
    public async Task The_sign_in_schemas_carry_examples()
    {
        var schemas = (await Served())["components"]!["schemas"]!;

        var request = schemas["IssueTokenRequest"]!["example"];
        request.ShouldNotBeNull("IssueTokenRequest has no example");
        request["username"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var response = schemas["TokenResponse"]!["example"];
        response.ShouldNotBeNull("TokenResponse has no example");
        response["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
    }

    [Fact]
    public async Task Swagger_UI_answers_without_a_token()
    {
        var response = await Api.Anonymous().GetAsync("/swagger/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Crm API");
    }

    private async Task<JsonNode> Served()
    {
        var response = await Api.Anonymous().GetAsync("/swagger/v1/swagger.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                if (Methods.Contains(method))
                    yield return ($"{method.ToUpperInvariant()} {path}", operation!.AsObject());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Crm.sln above {AppContext.BaseDirectory}.");
    }
}
