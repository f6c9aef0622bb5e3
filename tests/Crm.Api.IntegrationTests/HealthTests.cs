using System.Net;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

public abstract class HealthTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task Liveness_answers_Healthy_without_a_token_and_checks_nothing()
    {
        var response = await Api.Anonymous().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Body();
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!.AsObject().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Readiness_answers_Healthy_without_a_token_and_lists_the_database()
    {
        var response = await Api.Anonymous().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Body();
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!["database"]!.GetValue<string>().ShouldBe("Healthy");
    }
}

public sealed class HealthTests(SqliteApiFixture fixture) : HealthTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class HealthTestsOnSqlServer(SqlServerApiFixture fixture) : HealthTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
