using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 7 point 5: the annual 100-point unit scorecard over HTTP.</summary>
public abstract class ScorecardApiTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static object Items(decimal filing, decimal feedback, decimal contact, decimal retention, decimal service) =>
        new { items = new Dictionary<string, decimal> { ["filing"] = filing, ["feedback"] = feedback, ["contact"] = contact, ["retention"] = retention, ["service"] = service } };

    [Theory]
    [InlineData(2021, 16, 15, 25, 12, 8, "Penalty", 0, 200)]
    [InlineData(2022, 20, 20, 28, 15, 8, "Reward", 500, 0)]
    [InlineData(2023, 18, 17, 25, 13, 12, "Pass", 0, 0)]
    public async Task Scorecard_bands_76_deducts_200_from_the_main_leader_91_rewards_500_85_neither(int year, decimal filing, decimal feedback,
        decimal contact, decimal retention, decimal service, string band, decimal reward, decimal deduction)
    {
        var marketing = await Api.As("marketing1");
        var south = await marketing.UnitId("SOUTH");

        var card = await Ok(await marketing.PutJson($"/api/v1/kpi/scorecards/{year}/units/{south}", Items(filing, feedback, contact, retention, service), null));

        card["total"]!.GetValue<decimal>().ShouldBe(filing + feedback + contact + retention + service);
        card["outcome"]!["band"]!.GetValue<string>().ShouldBe(band);
        card["outcome"]!["reward"]!.GetValue<decimal>().ShouldBe(reward);
        card["outcome"]!["leaderDeduction"]!.GetValue<decimal>().ShouldBe(deduction);
        var leader = card["leadership"]!.AsArray().Single(l => l!["role"]!.GetValue<string>() == "UnitManager")!;
        leader["staff"]!["id"]!.GetValue<long>().ShouldBe(await marketing.StaffId("south.manager"));
        (leader["reward"]!.GetValue<decimal>(), leader["deduction"]!.GetValue<decimal>()).ShouldBe((reward, deduction));
        if (band == "Penalty")
            (card["outcome"]!["pointsBelow"]!.GetValue<int>(), card["outcome"]!["deputyDeduction"]!.GetValue<decimal>()).ShouldBe((4, 160m));

        var listed = JsonNode.Parse(await marketing.GetStringAsync($"/api/v1/kpi/scorecards/{year}"))!.AsArray();
        listed.Single(c => c!["unit"]!["id"]!.GetValue<long>() == south)!["total"]!.GetValue<decimal>().ShouldBe(card["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Ledger_fed_items_count_their_maximum_when_the_year_has_no_deductions_and_a_hand_item_must_be_entered_for_an_outcome()
    {
        var marketing = await Api.As("marketing1");
        var east = await marketing.UnitId("EAST");

        var blank = JsonNode.Parse(await marketing.GetStringAsync($"/api/v1/kpi/scorecards/2019?unitId={east}"))!.AsArray().Single()!;
        (blank["complete"]!.GetValue<bool>(), blank["outcome"]).ShouldBe((false, null));
        blank["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "filing")!["score"]!.GetValue<decimal>().ShouldBe(20m);

        var card = await Ok(await marketing.PutJson($"/api/v1/kpi/scorecards/2019/units/{east}", new { items = new Dictionary<string, decimal> { ["service"] = 14 } }, null));
        (card["complete"]!.GetValue<bool>(), card["total"]!.GetValue<decimal>(), card["outcome"]!["band"]!.GetValue<string>()).ShouldBe((true, 99m, "Reward"));
    }

    [Fact]
    public async Task Indicators_give_a_salesperson_only_their_own_line_and_count_the_customers_they_own()
    {
        var sales = await Api.As("east.sales1");
        var me = await sales.StaffId("east.sales1");
        var report = await Ok(await sales.GetAsync("/api/v1/kpi/indicators?from=2026-01&to=2026-06"));
        var rows = report["rows"]!.AsArray();
        rows.Select(r => r!["staff"]!["id"]!.GetValue<long>()).ShouldBe([me]);
        rows[0]!["customers"]!.GetValue<int>().ShouldBeGreaterThan(0);
        (await sales.GetAsync("/api/v1/kpi/indicators?from=2026-06&to=2026-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Entering_an_unknown_item_or_more_than_its_maximum_is_400_and_only_kpi_managers_see_scorecards()
    {
        var marketing = await Api.As("marketing1");
        var east = await marketing.UnitId("EAST");

        var bad = await marketing.PutJson($"/api/v1/kpi/scorecards/2020/units/{east}",
            new { items = new Dictionary<string, decimal> { ["nope"] = 1, ["service"] = 16 } }, null);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Body();
        ProblemAssertions.ShouldHaveFieldError(problem, "items.nope");
        ProblemAssertions.ShouldHaveFieldError(problem, "items.service");
        problem["errors"]!["items.service"]![0]!.GetValue<string>().ShouldContain("15");
        (await (await Api.As("east.manager")).GetAsync("/api/v1/kpi/scorecards/2020")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketing.PutJson("/api/v1/kpi/scorecards/2020/units/987654321", Items(1, 1, 1, 1, 1), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ScorecardApiTests(SqliteApiFixture fixture) : ScorecardApiTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ScorecardApiTestsOnSqlServer(SqlServerApiFixture fixture) : ScorecardApiTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
