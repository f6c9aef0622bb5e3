using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Features.Deadlines;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 7 points 3 and 4: the month-end KPI run, closing a month, adjustments, over HTTP on a clock the tests move.</summary>
public abstract class KpiTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private const string K = "/api/v1/kpi/periods";

    private static async Task<JsonObject> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static async Task<string> Code(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return (await response.Body())["code"]!.GetValue<string>();
    }

    /// <summary>A month's whole ledger in one page: the tests' months stay well under 100 entries, which this checks.</summary>
    private static async Task<JsonObject> Ledger(HttpClient client, string month, string filters = "")
    {
        var ledger = await Ok(await client.GetAsync($"{K}/{month}?pageSize=100{filters}"));
        ledger["entries"]!["total"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(100);
        return ledger;
    }

    private static JsonArray Items(JsonObject ledger) => ledger["entries"]!["items"]!.AsArray();

    private static List<JsonNode> Entries(JsonObject ledger, string rule) =>
        Items(ledger).Where(e => e!["rule"]!.GetValue<string>() == rule).Select(e => e!).ToList();

    private static List<string> Evidence(JsonNode entry) => entry["evidence"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();

    [Fact]
    public async Task Rerunning_an_open_month_replaces_its_entries_closing_makes_it_immutable_and_corrections_are_adjustments_with_reason_and_approver()
    {
        Clock.SetShanghai(2026, 7, 2, 9);
        var marketing = await Api.As("marketing1");
        var gm = await marketing.StaffId("gm");
        var east = await marketing.UnitId("EAST");

        (await (await Api.As("east.sales1")).PostAsync($"{K}/2026-06/run", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Code(await marketing.PostAsync($"{K}/2026-07/run", null), HttpStatusCode.Conflict)).ShouldBe("monthNotOver");
        (await Code(await marketing.PostAsync($"{K}/2026-06/close", null), HttpStatusCode.Conflict)).ShouldBe("periodNotRun");

        var first = await Ok(await marketing.PostAsync($"{K}/2026-06/run", null));
        var firstLedger = await Ledger(marketing, "2026-06");
        var second = await Ok(await marketing.PostAsync($"{K}/2026-06/run", null));
        var secondLedger = await Ledger(marketing, "2026-06");

        (first["runs"]!.GetValue<int>(), second["runs"]!.GetValue<int>()).ShouldBe((1, 2));
        first["entries"]!.GetValue<int>().ShouldBeGreaterThan(0);
        second["entries"]!.GetValue<int>().ShouldBe(first["entries"]!.GetValue<int>());
        Items(secondLedger).Select(e => (e!["rule"]!.GetValue<string>(), e["unit"]!["id"]!.GetValue<long>(), e["points"]!.GetValue<decimal>()))
            .ShouldBe(Items(firstLedger).Select(e => (e!["rule"]!.GetValue<string>(), e["unit"]!["id"]!.GetValue<long>(), e["points"]!.GetValue<decimal>())));

        // The ledger comes in pages: their entries follow the ledger's order, the total is the period's count, and pages stop at 100.
        var pageOne = await Ok(await marketing.GetAsync($"{K}/2026-06?page=1&pageSize=2"));
        var pageTwo = await Ok(await marketing.GetAsync($"{K}/2026-06?page=2&pageSize=2"));
        pageOne["entries"]!["total"]!.GetValue<int>().ShouldBe(second["entries"]!.GetValue<int>());
        Items(pageOne).Concat(Items(pageTwo)).Select(e => e!["id"]!.GetValue<long>())
            .ShouldBe(Items(secondLedger).Take(4).Select(e => e!["id"]!.GetValue<long>()));
        var tooBig = await marketing.GetAsync($"{K}/2026-06?pageSize=101");
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await tooBig.Body(), "pageSize");

        // The feedback-quota shortfall is the Feedback feature's own computation.
        var quota = JsonNode.Parse(await marketing.GetStringAsync($"/api/v1/feedback-quotas?month=2026-06&unitId={east}"))!.AsArray()
            .Single(q => q!["unit"]!["id"]!.GetValue<long>() == east)!;
        var missing = Math.Max(quota["missing"]!.GetValue<int>(), quota["missingByGrade"]!.AsObject().Sum(g => g.Value!.GetValue<int>()));
        missing.ShouldBeGreaterThan(0);
        var feedback = Entries(secondLedger, "feedbackShortfall").Single(e => e["unit"]!["id"]!.GetValue<long>() == east);
        feedback["points"]!.GetValue<decimal>().ShouldBe(-missing);
        Evidence(feedback).ShouldContain($"missing:{missing}");

        // A correction needs a reason and someone else's approval; it survives a re-run.
        var selfApproved = await marketing.PostJson($"{K}/2026-06/adjustments",
            new { unitId = east, points = 3m, amount = 0m, reason = "反馈表补交", approverId = await marketing.StaffId("marketing1") });
        selfApproved.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await selfApproved.Body(), "approverId");
        (await marketing.PostJson($"{K}/2026-06/adjustments", new { unitId = east, points = 3m, amount = 0m, reason = "", approverId = gm }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var adjustment = await Ok(await marketing.PostJson($"{K}/2026-06/adjustments",
            new { unitId = east, rule = "feedbackShortfall", points = 3m, amount = 0m, reason = "反馈表补交", approverId = gm }), HttpStatusCode.Created);
        (adjustment["kind"]!.GetValue<string>(), adjustment["approvedBy"]!["id"]!.GetValue<long>(), adjustment["reason"]!.GetValue<string>())
            .ShouldBe(("Adjustment", gm, "反馈表补交"));
        var third = await Ok(await marketing.PostAsync($"{K}/2026-06/run", null));
        third["entries"]!.GetValue<int>().ShouldBe(first["entries"]!.GetValue<int>() + 1);

        var closed = await Ok(await marketing.PostAsync($"{K}/2026-06/close", null));
        (closed["status"]!.GetValue<string>(), closed["closedBy"]!["id"]!.GetValue<long>()).ShouldBe(("Closed", await marketing.StaffId("marketing1")));
        (await Code(await marketing.PostAsync($"{K}/2026-06/run", null), HttpStatusCode.Conflict)).ShouldBe("periodClosed");
        (await Code(await marketing.PostAsync($"{K}/2026-06/close", null), HttpStatusCode.Conflict)).ShouldBe("periodClosed");
        (await Code(await marketing.DeleteAsync($"{K}/2026-06/adjustments/{adjustment["id"]}"), HttpStatusCode.Conflict)).ShouldBe("periodClosed");

        // Later corrections to a closed month are further adjustment entries beside the immutable ones.
        await Ok(await marketing.PostJson($"{K}/2026-06/adjustments",
            new { unitId = east, points = -1m, amount = -50m, reason = "关账后更正", approverId = gm }), HttpStatusCode.Created);
        var after = await Ledger(marketing, "2026-06");
        Items(after).Count.ShouldBe(first["entries"]!.GetValue<int>() + 2);
        Entries(after, "feedbackShortfall").Count(e => e["kind"]!.GetValue<string>() == "Computed")
            .ShouldBe(Entries(secondLedger, "feedbackShortfall").Count);

        // The same ledger as downloads: CSV (UTF-8 with BOM, one line per entry) and XLSX.
        var csv = await marketing.GetAsync($"{K}/2026-06/export?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("月份,类型,规则,单位,人员,扣分");
        lines.Length.ShouldBe(1 + Items(after).Count);
        // Points and amount stay numbers (no formula-escaping apostrophe on a negative number).
        lines.ShouldContain(l => l.Contains("关账后更正") && System.Text.RegularExpressions.Regex.IsMatch(l, @",-1(\.0+)?,-50(\.0+)?,"));
        var xlsx = await marketing.GetAsync($"{K}/2026-06/export?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        (await marketing.GetAsync($"{K}/2026-06/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await Api.As("east.sales1")).GetAsync($"{K}/2026-06/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var indicators = JsonNode.Parse(await marketing.GetStringAsync("/api/v1/kpi/indicators?from=2026-01&to=2026-06"))!["rows"]!.AsArray();
        var indicatorCsv = await marketing.GetAsync("/api/v1/kpi/indicators/export?from=2026-01&to=2026-06");
        indicatorCsv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var indicatorLines = (await indicatorCsv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        indicatorLines[0].ShouldStartWith("客户经理,单位,客户数,新增客户,流失客户");
        indicatorLines.Length.ShouldBe(1 + indicators.Count);
    }

    [Fact]
    public async Task A_filing_still_overdue_after_two_reminders_in_the_month_costs_the_unit_and_the_responsible_person_points_at_month_end()
    {
        Clock.SetShanghai(2026, 9, 1, 10);
        var sales = await Api.As("east.sales1");
        var marketing = await Api.As("marketing1");
        var customer = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("迟备案"), b => b["firstContactOn"] = "2026-09-01")))["id"]!.GetValue<long>();
        var obligation = JsonNode.Parse(await sales.GetStringAsync($"/api/v1/customers/{customer}/obligations"))!.AsArray()[0]!;
        obligation["dueOn"]!.GetValue<string>().ShouldBe("2026-09-08");
        var pass = Api.Factory.Services.GetRequiredService<ReminderPass>();
        foreach (var day in new[] { 9, 10 })
        {
            Clock.SetShanghai(2026, 9, day, 9);
            await pass.RunOnceAsync(CancellationToken.None);
        }

        Clock.SetShanghai(2026, 10, 9, 9);
        await Ok(await marketing.PostAsync($"{K}/2026-09/run", null));
        var ledger = await Ledger(marketing, "2026-09", "&rule=lateFiling");

        var ours = Items(ledger).Where(e => Evidence(e!).Contains($"obligation:{obligation["id"]}")).ToList();
        ours.Count.ShouldBe(2);
        ours.ShouldAllBe(e => e!["points"]!.GetValue<decimal>() == -2m && e["unit"]!["id"]!.GetValue<long>() == obligation["owningUnit"]!["id"]!.GetValue<long>());
        ours.Select(e => e!["staff"]?["id"]?.GetValue<long>()).ShouldBe([null, await sales.StaffId("east.sales1")], ignoreOrder: true);
    }

    [Fact]
    public async Task Three_substantiated_complaints_in_a_year_disqualify_the_unit_and_person_once_and_a_customer_lost_after_one_costs_points()
    {
        Clock.SetShanghai(2026, 8, 10, 10);
        var sales = await Api.As("east.sales1");
        var manager = await Api.As("east.manager");
        var marketing = await Api.As("marketing1");
        var unit = await manager.UnitId("SVC");
        var person = await manager.StaffId("east.sales2");
        var body = TestData.NewCustomer(TestData.UniqueName("流失"));
        var customer = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        var complaints = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await Ok(await sales.PostJson($"/api/v1/customers/{customer}/complaints", new { subject = $"投诉{i}", description = "服务不及时" }),
                HttpStatusCode.Created))["id"]!.GetValue<long>();
            var url = $"/api/v1/customers/{customer}/complaints/{id}/transitions";
            await Ok(await manager.PostJson(url, new { to = "Investigating" }));
            await Ok(await manager.PostJson(url, new { to = "Replied", substantiated = true, finding = "服务响应超时", responsibleUnitId = unit, responsibleStaffId = person }));
            complaints.Add(id);
        }
        Clock.SetShanghai(2026, 8, 20, 10);
        body["status"] = "Lost";
        var current = await sales.GetAsync($"/api/v1/customers/{customer}");
        await Ok(await sales.PutJson($"/api/v1/customers/{customer}", body, current.Headers.ETag!.ToString()));

        Clock.SetShanghai(2026, 9, 1, 9);
        await Ok(await marketing.PostAsync($"{K}/2026-08/run", null));
        var august = await Ledger(marketing, "2026-08");

        var disqualified = Entries(august, "complaintsDisqualify").Where(e => e["unit"]!["id"]!.GetValue<long>() == unit).ToList();
        disqualified.Select(e => e["staff"]?["id"]?.GetValue<long>()).ShouldBe([null, person], ignoreOrder: true);
        disqualified.ShouldAllBe(e => Evidence(e).SequenceEqual(complaints.Select(c => $"complaint:{c}")));
        var lost = Entries(august, "customerLost").Where(e => Evidence(e).Contains($"customer:{customer}")).ToList();
        lost.Count.ShouldBe(2);
        lost.ShouldAllBe(e => e["points"]!.GetValue<decimal>() == -5m && Evidence(e).Contains($"complaint:{complaints[2]}"));

        // Disqualification is recorded once per year: September's run does not repeat it.
        Clock.SetShanghai(2026, 10, 9, 9);
        await Ok(await marketing.PostAsync($"{K}/2026-09/run", null));
        Entries(await Ledger(marketing, "2026-09"), "complaintsDisqualify").ShouldNotContain(e => e["unit"]!["id"]!.GetValue<long>() == unit);

        // The year's scorecard: the unit and the person are disqualified from the awards; a full score earns no reward.
        var card = await Ok(await marketing.PutJson($"/api/v1/kpi/scorecards/2026/units/{unit}",
            new { items = new Dictionary<string, decimal> { ["filing"] = 20, ["feedback"] = 20, ["contact"] = 30, ["retention"] = 15, ["service"] = 15 } }, null));
        (card["substantiatedComplaints"]!.GetValue<int>(), card["disqualified"]!.GetValue<bool>()).ShouldBe((3, true));
        card["disqualifiedStaff"]!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ShouldBe([person]);
        (card["outcome"]!["band"]!.GetValue<string>(), card["outcome"]!["reward"]!.GetValue<decimal>()).ShouldBe(("Reward", 0m));
    }
    [Fact]
    public async Task Weekly_contact_duties_are_judged_in_the_month_of_their_Sunday_so_a_week_crossing_the_month_end_counts_once()
    {
        Clock.SetShanghai(2026, 9, 2, 9);
        var marketing = await Api.As("marketing1");
        var sales = await Api.As("east.sales1");
        var person = await marketing.StaffId("east.sales1");
        async Task<int> MissingContacts(string month)
        {
            await Ok(await marketing.PostAsync($"{K}/{month}/run", null));
            var entry = Items(await Ledger(marketing, month, $"&rule=contactShortfall&staffId={person}")).SingleOrDefault();
            return entry is null ? 0 : int.Parse(Evidence(entry).Single(e => e.StartsWith("missingContacts:", StringComparison.Ordinal))["missingContacts:".Length..]);
        }
        var julyBefore = await MissingContacts("2026-07");
        var augustBefore = await MissingContacts("2026-08");

        // An A customer: its owner owes one visit every week (DOMAIN.md §5). July 2026 ends on a Friday.
        var customer = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("周拜访"), c => c["grade"] = "A")))["id"]!.GetValue<long>();
        foreach (var day in new[] { "2026-07-01", "2026-07-15", "2026-07-29" })
            await Ok(await sales.PostJson($"/api/v1/customers/{customer}/activities", new { kind = "Visit", occurredOn = day, notes = "例行拜访，了解本周订单" }),
                HttpStatusCode.Created);

        // July judges the weeks ending Jul 5, 12, 19 and 26: the 12th and the 26th were missed.
        (await MissingContacts("2026-07")).ShouldBe(julyBefore + 2);
        // The week Jul 27 – Aug 2 belongs to August, where the visit of Jul 29 meets it; Aug 9, 16, 23 and 30 were missed.
        (await MissingContacts("2026-08")).ShouldBe(augustBefore + 4);
    }

    [Fact]
    public async Task Kpi_manage_with_a_unit_scope_reaches_only_that_units_ledger_and_scorecards_and_cannot_run_or_close_the_company_month()
    {
        Clock.SetShanghai(2026, 5, 6, 9);
        var marketing = await Api.As("marketing1");
        var gm = await marketing.StaffId("gm");
        var east = await marketing.UnitId("EAST");
        var south = await marketing.UnitId("SOUTH");
        await Ok(await marketing.PostAsync($"{K}/2026-04/run", null));
        var southReason = $"华南调整 {Guid.NewGuid():N}";
        var southAdjustment = await Ok(await marketing.PostJson($"{K}/2026-04/adjustments",
            new { unitId = south, points = -2m, amount = -200m, reason = southReason, approverId = gm }), HttpStatusCode.Created);
        var companyLedger = await Ledger(marketing, "2026-04");

        await using (await (await Api.As("admin")).GrantExtraRole("east.manager", ("kpi.manage", "UnitSubtree")))
        {
            var manager = await Api.As("east.manager");
            var ledger = await Ledger(manager, "2026-04");
            var entries = Items(ledger);
            entries.ShouldNotBeEmpty();
            entries.ShouldAllBe(e => e!["unit"]!["id"]!.GetValue<long>() != south);
            entries.ShouldContain(e => e!["unit"]!["id"]!.GetValue<long>() == east);
            entries.Count.ShouldBeLessThan(Items(companyLedger).Count);
            ledger["period"]!["entries"]!.GetValue<int>().ShouldBe(entries.Count);
            Items(await Ledger(manager, "2026-04", $"&unitId={south}")).ShouldBeEmpty();
            (await manager.GetStringAsync($"{K}/2026-04/export?format=csv")).ShouldNotContain(southReason);
            JsonNode.Parse(await manager.GetStringAsync($"{K}?year=2026"))!.AsArray()
                .Single(p => p!["month"]!.GetValue<string>() == "2026-04")!["entries"]!.GetValue<int>().ShouldBe(entries.Count);

            // The month-end run and the close are company-wide.
            (await manager.PostAsync($"{K}/2026-04/run", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await manager.PostAsync($"{K}/2026-04/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            // Corrections only inside the reach; another unit's correction is not there to withdraw.
            (await manager.PostJson($"{K}/2026-04/adjustments", new { unitId = south, points = 1m, amount = 0m, reason = "越权", approverId = gm }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            await Ok(await manager.PostJson($"{K}/2026-04/adjustments", new { unitId = east, points = 1m, amount = 0m, reason = "本部门补交", approverId = gm }),
                HttpStatusCode.Created);
            (await manager.DeleteAsync($"{K}/2026-04/adjustments/{southAdjustment["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            // Scorecards: the units of the reach only.
            var cards = JsonNode.Parse(await manager.GetStringAsync("/api/v1/kpi/scorecards/2026"))!.AsArray();
            cards.ShouldNotBeEmpty();
            cards.ShouldAllBe(c => c!["unit"]!["id"]!.GetValue<long>() != south);
            cards.ShouldContain(c => c!["unit"]!["id"]!.GetValue<long>() == east);
            (await manager.GetAsync($"/api/v1/kpi/scorecards/2026?unitId={south}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await manager.PutJson($"/api/v1/kpi/scorecards/2026/units/{south}", new { items = new Dictionary<string, decimal> { ["service"] = 10 } }, null))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await marketing.DeleteAsync($"{K}/2026-04/adjustments/{southAdjustment["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}


public sealed class KpiTests(KpiTests.Fixture fixture) : KpiTestsBase(fixture), IClassFixture<KpiTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}

public sealed class KpiTestsOnSqlServer(KpiTestsOnSqlServer.Fixture fixture) : KpiTestsBase(fixture), IClassFixture<KpiTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : ClockedSqlServerApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}
