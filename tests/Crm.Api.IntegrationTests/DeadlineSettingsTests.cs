using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>The deadlines are configuration: other working-day counts, required fields, reported fields and quotas apply.</summary>
public sealed class DeadlineSettingsTests(DeadlineSettingsTests.Fixture fixture) : IClassFixture<DeadlineSettingsTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [
            new("Deadlines:FilingWorkingDays", "3"),
            new("Deadlines:ChangeReportWorkingDays", "1"),
            new("Deadlines:FilingRequiredFields", "name,region"),
            new("Deadlines:ReportedFields", "region"),
            new("Deadlines:FeedbackQuota:Service:Total", "1"),
            new("Deadlines:ReminderInterval", "1.00:00:00"),
        ];
    }

    private ApiFixture Api => fixture.Ready();

    private static async Task<JsonArray> Obligations(HttpClient client, long id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/customers/{id}/obligations"))!.AsArray();

    [Fact]
    public async Task Configured_working_days_required_fields_reported_fields_and_quotas_apply()
    {
        fixture.Clock.SetShanghai(2026, 2, 13, 10);
        var sales = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("配置"), b => b["firstContactOn"] = "2026-02-13");
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        (await Obligations(sales, id))[0]!["dueOn"]!.GetValue<string>().ShouldBe("2026-02-25");

        // Only name and region are required now: no industry, no key person.
        (await sales.PostAsync($"/api/v1/customers/{id}/filing/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Api.As("marketing1")).PostAsync($"/api/v1/customers/{id}/filing/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        body["name"] = TestData.UniqueName("改名");
        var current = await sales.GetAsync($"/api/v1/customers/{id}");
        (await sales.PutJson($"/api/v1/customers/{id}", body, current.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Obligations(sales, id)).Count.ShouldBe(1, "a name change is not designated here");
        body["region"] = "浙江";
        current = await sales.GetAsync($"/api/v1/customers/{id}");
        (await sales.PutJson($"/api/v1/customers/{id}", body, current.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await Obligations(sales, id)).Single(o => o!["kind"]!.GetValue<string>() == "ChangeReport")!;
        (report["triggeredOn"]!.GetValue<string>(), report["dueOn"]!.GetValue<string>()).ShouldBe(("2026-02-13", "2026-02-14"));

        var quotas = JsonNode.Parse(await (await Api.As("marketing1")).GetStringAsync("/api/v1/feedback-quotas?month=2026-02"))!.AsArray();
        var service = quotas.Single(q => q!["unit"]!["name"]!.GetValue<string>() == "客户服务中心")!;
        (service["requiredTotal"]!.GetValue<int>(), service["requiredByGrade"]!.AsObject().Count, service["met"]!.GetValue<bool>()).ShouldBe((1, 0, false));
        quotas.Single(q => q!["unit"]!["name"]!.GetValue<string>() == "华东营销部")!["requiredTotal"]!.GetValue<int>().ShouldBe(5);
    }
}
