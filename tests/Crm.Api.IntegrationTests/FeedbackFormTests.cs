using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 point 4: feedback forms (客户信息反馈表) and the monthly quota per sales unit, across a month end.</summary>
public abstract class FeedbackFormTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private static async Task<long> Customer(HttpClient client, string grade) =>
        (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("反馈"), b => b["grade"] = grade)))["id"]!.GetValue<long>();

    private static async Task<JsonObject> Submit(HttpClient client, long customerId, string? month = null)
    {
        var response = await client.PostJson($"/api/v1/customers/{customerId}/feedback-forms",
            new { month, situation = "订货量稳定，计划扩建仓库。", needs = "希望缩短交期", competitorInfo = "某品牌降价 5%", suggestions = "季度回访" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static async Task<JsonNode?> Quota(HttpClient client, string month, long unitId)
    {
        var response = await client.GetAsync($"/api/v1/feedback-quotas?month={month}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().SingleOrDefault(q => q!["unit"]!["id"]!.GetValue<long>() == unitId);
    }

    [Fact]
    public async Task A_sales_unit_meets_its_month_with_5_forms_2_A_2_B_1_C_and_a_form_after_midnight_on_the_last_day_counts_for_the_next_month()
    {
        var sales = await Api.As("east.sales1");
        Clock.SetShanghai(2025, 12, 31, 23, 30);
        var customers = new Dictionary<string, long>();
        foreach (var grade in new[] { "A", "B", "C" })
            customers[grade] = await Customer(sales, grade);
        var eastUnit = await sales.UnitId("EAST");

        foreach (var grade in new[] { "A", "A", "B", "C" })
        {
            var form = await Submit(sales, customers[grade]);
            (form["month"]!.GetValue<string>(), form["grade"]!.GetValue<string>(), form["unit"]!["id"]!.GetValue<long>()).ShouldBe(("2025-12", grade, eastUnit));
        }
        var december = (await Quota(sales, "2025-12", eastUnit))!;
        (december["total"]!.GetValue<int>(), december["met"]!.GetValue<bool>(), december["missing"]!.GetValue<int>()).ShouldBe((4, false, 1));
        december["missingByGrade"]!.AsObject().Select(g => (g.Key, g.Value!.GetValue<int>())).ShouldBe([("B", 1)]);
        (december["requiredTotal"]!.GetValue<int>(), december["requiredByGrade"]!["A"]!.GetValue<int>()).ShouldBe((5, 2));

        // Half an hour later it is 2026 in Shanghai (16:30 UTC): the form counts for January.
        Clock.SetShanghai(2026, 1, 1, 0, 30);
        (await Submit(sales, customers["B"]))["month"]!.GetValue<string>().ShouldBe("2026-01");
        (await Quota(sales, "2025-12", eastUnit))!["met"]!.GetValue<bool>().ShouldBeFalse();
        var january = (await Quota(sales, "2026-01", eastUnit))!;
        (january["total"]!.GetValue<int>(), january["byGrade"]!["B"]!.GetValue<int>()).ShouldBe((1, 1));

        // A late form for December names its month.
        await Submit(sales, customers["B"], "2025-12");
        var met = (await Quota(sales, "2025-12", eastUnit))!;
        (met["total"]!.GetValue<int>(), met["met"]!.GetValue<bool>(), met["missingByGrade"]!.AsObject().Count).ShouldBe((5, true, 0));

        var future = await sales.PostJson($"/api/v1/customers/{customers["A"]}/feedback-forms", new { month = "2026-02", situation = "x" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Quotas_reach_the_company_for_leaders_and_市场部_the_sub_tree_for_unit_managers_and_only_sales_units_have_one()
    {
        Clock.SetShanghai(2026, 2, 10, 10);
        var marketing = await Api.As("marketing1");
        var units = JsonNode.Parse(await (await marketing.GetAsync("/api/v1/feedback-quotas?month=2026-02")).Content.ReadAsStringAsync())!.AsArray()
            .Select(q => q!["unit"]!["name"]!.GetValue<string>()).ToList();
        units.ShouldBe(["华东营销部", "华南营销部"], ignoreOrder: true);

        var south = await Api.As("south.manager");
        var seen = JsonNode.Parse(await (await south.GetAsync("/api/v1/feedback-quotas?month=2026-02")).Content.ReadAsStringAsync())!.AsArray()
            .Select(q => q!["unit"]!["name"]!.GetValue<string>()).ToList();
        seen.ShouldBe(["华南营销部"]);
        (await south.GetAsync("/api/v1/feedback-quotas?month=2026-13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Forms_follow_the_customer_s_visibility()
    {
        Clock.SetShanghai(2026, 3, 3, 10);
        var east = await Api.As("east.sales1");
        var id = await Customer(east, "A");
        await Submit(east, id);

        var list = JsonNode.Parse(await (await east.GetAsync($"/api/v1/customers/{id}/feedback-forms")).Content.ReadAsStringAsync())!.AsArray();
        list.Count.ShouldBe(1);
        list[0]!["competitorInfo"]!.GetValue<string>().ShouldBe("某品牌降价 5%");

        var eastUnit = await east.UnitId("EAST");
        var listed = JsonNode.Parse(await east.GetStringAsync($"/api/v1/feedback-forms?month=2026-03&unitId={eastUnit}&grade=A&pageSize=100"))!;
        listed["items"]!.AsArray().ShouldContain(f => f!["customerId"]!.GetValue<long>() == id);

        var south = await Api.As("south.sales1");
        JsonNode.Parse(await south.GetStringAsync($"/api/v1/feedback-forms?customerId={id}"))!["items"]!.AsArray().Count.ShouldBe(0);
        (await south.GetAsync($"/api/v1/customers/{id}/feedback-forms")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.PostJson($"/api/v1/customers/{id}/feedback-forms", new { situation = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Api.As("admin")).PostJson($"/api/v1/customers/{id}/feedback-forms", new { situation = "x" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class FeedbackFormTests(ClockedSqliteApiFixture fixture) : FeedbackFormTestsBase(fixture), IClassFixture<ClockedSqliteApiFixture>;

public sealed class FeedbackFormTestsOnSqlServer(ClockedSqlServerApiFixture fixture) : FeedbackFormTestsBase(fixture), IClassFixture<ClockedSqlServerApiFixture>;
