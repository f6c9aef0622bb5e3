using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Features.Deadlines;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 points 3 and 9: filing (客户备案), change reports, overdue reminders, on a clock the tests move.</summary>
public abstract class FilingTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private const string C = "/api/v1/customers";

    private static Dictionary<string, object?> Archive(string firstContactOn, Action<Dictionary<string, object?>>? tweak = null) =>
        TestData.NewCustomer(TestData.UniqueName("备案"), b =>
        {
            b["firstContactOn"] = firstContactOn;
            tweak?.Invoke(b);
        });

    private static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static async Task<JsonArray> Obligations(HttpClient client, long customerId)
    {
        var response = await client.GetAsync($"{C}/{customerId}/obligations");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static JsonNode Filing(JsonArray obligations) => obligations.Single(o => o!["kind"]!.GetValue<string>() == "Filing")!;

    private static string S(JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>Completes the 客户基本信息表: an industry and a key person with a phone.</summary>
    private static async Task Complete(HttpClient client, long customerId, Dictionary<string, object?> body)
    {
        var current = await client.GetAsync($"{C}/{customerId}");
        body["industry"] = "建材";
        (await Ok(await client.PutJson($"{C}/{customerId}", body, current.Headers.ETag!.ToString())))["industry"]!.GetValue<string>().ShouldBe("建材");
        var kp = await client.PostJson($"{C}/{customerId}/key-persons", new { name = "李经理", level = "BusinessManager", phone = "13800138000" });
        kp.StatusCode.ShouldBe(HttpStatusCode.Created, await kp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task First_contact_on_the_Friday_before_Spring_Festival_makes_the_filing_due_after_the_make_up_Saturday_and_the_holiday()
    {
        Clock.SetShanghai(2026, 2, 13, 16);
        var sales = await Api.As("east.sales1");

        var id = (await sales.CreateCustomer(Archive("2026-02-13")))["id"]!.GetValue<long>();

        var filing = Filing(await Obligations(sales, id));
        (S(filing, "triggeredOn"), S(filing, "dueOn"), S(filing, "status"), S(filing, "state"))
            .ShouldBe(("2026-02-13", "2026-02-27", "Open", "Pending"));
        filing["calendarConfirmed"]!.GetValue<bool>().ShouldBeTrue();
        filing["workingDaysLeft"]!.GetValue<int>().ShouldBe(5);
        filing["responsible"]!["id"]!.GetValue<long>().ShouldBe(await sales.StaffId("east.sales1"));

        Clock.SetShanghai(2026, 2, 25, 9);
        S(Filing(await Obligations(sales, id)), "state").ShouldBe("DueSoon");
        Clock.SetShanghai(2026, 2, 28, 9);
        S(Filing(await Obligations(sales, id)), "state").ShouldBe("Overdue");
    }

    [Fact]
    public async Task A_customer_without_first_contact_has_no_filing_until_an_update_sets_it()
    {
        Clock.SetShanghai(2026, 3, 2, 10);
        var sales = await Api.As("east.sales1");
        var body = Archive("2026-03-02", b => b.Remove("firstContactOn"));
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        (await Obligations(sales, id)).Count.ShouldBe(0);

        body["firstContactOn"] = "2026-03-02";
        var current = await sales.GetAsync($"{C}/{id}");
        await Ok(await sales.PutJson($"{C}/{id}", body, current.Headers.ETag!.ToString()));

        var filing = Filing(await Obligations(sales, id));
        S(filing, "dueOn").ShouldBe("2026-03-09");

        // A corrected first-contact date moves the open filing's due date.
        body["firstContactOn"] = "2026-03-03";
        current = await sales.GetAsync($"{C}/{id}");
        await Ok(await sales.PutJson($"{C}/{id}", body, current.Headers.ETag!.ToString()));
        var obligations = await Obligations(sales, id);
        obligations.Count.ShouldBe(1);
        (S(obligations[0]!, "triggeredOn"), S(obligations[0]!, "dueOn")).ShouldBe(("2026-03-03", "2026-03-10"));
    }

    [Fact]
    public async Task Submitting_an_incomplete_archive_lists_exactly_the_missing_fields_then_return_resubmit_and_accept_meet_it_on_time()
    {
        Clock.SetShanghai(2026, 3, 2, 10);
        var sales = await Api.As("east.sales1");
        var marketing = await Api.As("marketing1");
        var body = Archive("2026-03-02");
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();

        var incomplete = await sales.PostAsync($"{C}/{id}/filing/submit", null);
        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await incomplete.Body();
        S(problem, "code").ShouldBe("filingIncomplete");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["industry", "keyPersonWithPhone"]);

        await Complete(sales, id, body);
        Clock.SetShanghai(2026, 3, 4, 10);
        var submitted = await Ok(await sales.PostAsync($"{C}/{id}/filing/submit", null));
        (S(submitted, "status"), S(submitted, "state"), S(submitted, "submittedOn")).ShouldBe(("Submitted", "Submitted", "2026-03-04"));
        (await sales.PostAsync($"{C}/{id}/filing/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Only the customer-management department decides.
        (await sales.PostAsync($"{C}/{id}/filing/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.PostJson($"{C}/{id}/filing/return", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await marketing.PostJson($"{C}/{id}/filing/return", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Body())["errors"]!["reason"].ShouldNotBeNull();

        var returned = await Ok(await marketing.PostJson($"{C}/{id}/filing/return", new { reason = "请补充开票地址" }));
        (S(returned, "status"), S(returned, "state"), S(returned, "returnedReason")).ShouldBe(("Returned", "Pending", "请补充开票地址"));
        (await marketing.PostAsync($"{C}/{id}/filing/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        Clock.SetShanghai(2026, 3, 9, 17);
        await Ok(await sales.PostAsync($"{C}/{id}/filing/submit", null));
        Clock.SetShanghai(2026, 3, 12, 9);
        var accepted = await Ok(await marketing.PostAsync($"{C}/{id}/filing/accept", null));
        (S(accepted, "status"), S(accepted, "state"), S(accepted, "metOn"), accepted["submissions"]!.GetValue<int>())
            .ShouldBe(("Met", "MetOnTime", "2026-03-09", 2));
        accepted["decidedBy"]!["id"]!.GetValue<long>().ShouldBe(await marketing.StaffId("marketing1"));
    }

    [Fact]
    public async Task A_filing_submitted_after_its_due_date_is_met_late()
    {
        Clock.SetShanghai(2026, 3, 2, 10);
        var sales = await Api.As("east.sales1");
        var body = Archive("2026-03-02");
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        await Complete(sales, id, body);

        Clock.SetShanghai(2026, 3, 10, 9);
        await Ok(await sales.PostAsync($"{C}/{id}/filing/submit", null));
        var accepted = await Ok(await (await Api.As("marketing1")).PostAsync($"{C}/{id}/filing/accept", null));

        (S(accepted, "state"), S(accepted, "metOn"), S(accepted, "dueOn")).ShouldBe(("MetLate", "2026-03-10", "2026-03-09"));
        var board = await Ok(await sales.GetAsync($"/api/v1/obligations?state=MetLate&kind=Filing&pageSize=100"));
        board["items"]!.AsArray().Select(o => o!["customerId"]!.GetValue<long>()).ShouldContain(id);
    }

    [Fact]
    public async Task After_filing_a_name_change_creates_a_change_report_due_in_5_working_days_that_collects_later_changes()
    {
        Clock.SetShanghai(2026, 4, 1, 10);
        var sales = await Api.As("east.sales1");
        var marketing = await Api.As("marketing1");
        var body = Archive("2026-04-01");
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        await Complete(sales, id, body);
        // Before the filing is accepted, changes belong to the filing itself.
        (await Obligations(sales, id)).Count.ShouldBe(1);
        await Ok(await sales.PostAsync($"{C}/{id}/filing/submit", null));
        await Ok(await marketing.PostAsync($"{C}/{id}/filing/accept", null));

        // Thursday 2 April 2026: Qingming (4-6 April) lies within the five working days.
        Clock.SetShanghai(2026, 4, 2, 11);
        body["name"] = TestData.UniqueName("更名");
        var current = await sales.GetAsync($"{C}/{id}");
        await Ok(await sales.PutJson($"{C}/{id}", body, current.Headers.ETag!.ToString()));

        var report = (await Obligations(sales, id)).Single(o => S(o!, "kind") == "ChangeReport")!;
        (S(report, "triggeredOn"), S(report, "dueOn"), S(report, "state")).ShouldBe(("2026-04-02", "2026-04-10", "Pending"));
        report["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["name"]);

        // A region change is not designated; an address change and a new key person join the open report.
        Clock.SetShanghai(2026, 4, 3, 11);
        body["region"] = "江苏";
        body["address"] = "南京市鼓楼区中山路 1 号";
        current = await sales.GetAsync($"{C}/{id}");
        await Ok(await sales.PutJson($"{C}/{id}", body, current.Headers.ETag!.ToString()));
        (await sales.PostJson($"{C}/{id}/key-persons", new { name = "赵总", level = "Executive" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reports = (await Obligations(sales, id)).Where(o => S(o!, "kind") == "ChangeReport").ToList();
        reports.Count.ShouldBe(1);
        reports[0]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["name", "address", "keyPersons"]);
        S(reports[0]!, "dueOn").ShouldBe("2026-04-10");

        var reportId = reports[0]!["id"]!.GetValue<long>();
        (await sales.PostAsync($"{C}/{id}/change-reports/987654321/submit", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Ok(await sales.PostAsync($"{C}/{id}/change-reports/{reportId}/submit", null));
        var met = await Ok(await marketing.PostAsync($"{C}/{id}/change-reports/{reportId}/accept", null));
        (S(met, "state"), S(met, "metOn")).ShouldBe(("MetOnTime", "2026-04-03"));

        // Once met, the next change opens a new report.
        body["enterpriseNature"] = "JointVenture";
        current = await sales.GetAsync($"{C}/{id}");
        await Ok(await sales.PutJson($"{C}/{id}", body, current.Headers.ETag!.ToString()));
        (await Obligations(sales, id)).Count(o => S(o!, "kind") == "ChangeReport").ShouldBe(2);
    }

    [Fact]
    public async Task Overdue_obligations_are_reminded_once_per_business_day_even_with_two_passes_at_once()
    {
        Clock.SetShanghai(2026, 5, 6, 10);
        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(Archive("2026-05-06")))["id"]!.GetValue<long>();
        // Labour Day (1-5 May) is behind; Saturday 9 May is a make-up working day.
        S(Filing(await Obligations(sales, id)), "dueOn").ShouldBe("2026-05-12");
        var pass = Api.Factory.Services.GetRequiredService<ReminderPass>();

        Clock.SetShanghai(2026, 5, 12, 23, 30);
        await pass.RunOnceAsync(CancellationToken.None);
        Filing(await Obligations(sales, id))["reminderCount"]!.GetValue<int>().ShouldBe(0);

        Clock.SetShanghai(2026, 5, 13, 8);
        await Task.WhenAll(pass.RunOnceAsync(CancellationToken.None), pass.RunOnceAsync(CancellationToken.None));
        await pass.RunOnceAsync(CancellationToken.None);
        var filing = Filing(await Obligations(sales, id));
        (S(filing, "state"), filing["reminderCount"]!.GetValue<int>(), S(filing, "lastRemindedOn")).ShouldBe(("Overdue", 1, "2026-05-13"));

        Clock.SetShanghai(2026, 5, 14, 8);
        await Task.WhenAll(pass.RunOnceAsync(CancellationToken.None), pass.RunOnceAsync(CancellationToken.None));
        Filing(await Obligations(sales, id))["reminderCount"]!.GetValue<int>().ShouldBe(2);

        var mine = await Ok(await sales.GetAsync("/api/v1/reminders/mine?pageSize=100"));
        var ours = mine["items"]!.AsArray().Where(r => r!["obligation"]!["customerId"]!.GetValue<long>() == id).ToList();
        ours.Select(r => S(r!, "remindedOn")).ShouldBe(["2026-05-14", "2026-05-13"]);
        var other = await Ok(await (await Api.As("east.sales2")).GetAsync("/api/v1/reminders/mine?pageSize=100"));
        other["items"]!.AsArray().ShouldNotContain(r => r!["obligation"]!["customerId"]!.GetValue<long>() == id);

        var overdue = await Ok(await sales.GetAsync($"/api/v1/obligations?state=Overdue&kind=Filing&ownerId={await sales.StaffId("east.sales1")}&pageSize=100"));
        overdue["items"]!.AsArray().ShouldContain(o => o!["customerId"]!.GetValue<long>() == id && o["reminderCount"]!.GetValue<int>() == 2);
        var pending = await Ok(await sales.GetAsync("/api/v1/obligations?state=Pending&pageSize=100"));
        pending["items"]!.AsArray().ShouldNotContain(o => o!["customerId"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task Another_unit_s_salesperson_cannot_see_or_act_on_a_customer_s_obligations()
    {
        Clock.SetShanghai(2026, 6, 1, 10);
        var east = await Api.As("east.sales1");
        var south = await Api.As("south.sales1");
        var id = (await east.CreateCustomer(Archive("2026-06-01")))["id"]!.GetValue<long>();

        (await south.GetAsync($"{C}/{id}/obligations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.PostAsync($"{C}/{id}/filing/submit", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var board = await Ok(await south.GetAsync("/api/v1/obligations?pageSize=100&kind=Filing"));
        board["items"]!.AsArray().ShouldNotContain(o => o!["customerId"]!.GetValue<long>() == id);

        var manager = await Api.As("east.manager");
        var eastUnit = await manager.UnitId("EAST");
        var unitBoard = await Ok(await manager.GetAsync($"/api/v1/obligations?pageSize=100&unitId={eastUnit}&state=Pending"));
        unitBoard["items"]!.AsArray().ShouldContain(o => o!["customerId"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task Demo_customers_get_their_filings_and_every_demo_role_reads_the_board()
    {
        Clock.Set(null);
        await Api.Factory.Services.GetRequiredService<ReminderPass>().RunOnceAsync(CancellationToken.None);
        foreach (var role in new[] { "gm", "deputy", "marketing1", "admin", "east.manager", "east.sales1", "south.manager", "south.sales1", "service.manager" })
        {
            var client = await Api.As(role);
            (await client.GetAsync("/api/v1/obligations?pageSize=5")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await client.GetAsync("/api/v1/reminders/mine")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
        }
        var all = await Ok(await (await Api.As("marketing1")).GetAsync("/api/v1/obligations?kind=Filing&pageSize=1"));
        all["total"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }
}

public sealed class FilingTests(FilingTests.Fixture fixture) : FilingTestsBase(fixture), IClassFixture<FilingTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}

public sealed class FilingTestsOnSqlServer(FilingTestsOnSqlServer.Fixture fixture) : FilingTestsBase(fixture), IClassFixture<FilingTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : ClockedSqlServerApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}
