using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 points 5–7: contact duties by grade and role, reminders, care dates — computed from activities, facts and the calendar.</summary>
public abstract class FollowUpTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private static async Task<long> NewCustomer(HttpClient client, string grade, Action<Dictionary<string, object?>>? tweak = null) =>
        (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("频次"), b =>
        {
            b["grade"] = grade;
            tweak?.Invoke(b);
        })))["id"]!.GetValue<long>();

    private static async Task Record(HttpClient client, long customerId, string kind, string occurredOn)
    {
        var response = await client.PostJson($"/api/v1/customers/{customerId}/activities",
            new { kind, occurredOn, notes = "按客户管理办法完成的联系。" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static JsonNode Duty(JsonObject duties, string role, string kind) =>
        duties["duties"]!.AsArray().Single(d => d!["role"]!.GetValue<string>() == role && d["kind"]!.GetValue<string>() == kind)!;

    private static (int Required, int Done, int Missing) Count(JsonNode duty) =>
        (duty["required"]!.GetValue<int>(), duty["done"]!.GetValue<int>(), duty["missing"]!.GetValue<int>());

    [Fact]
    public async Task An_A_customer_s_duties_follow_the_policy_by_role_and_count_contacts_in_the_current_week_month_and_year()
    {
        Clock.SetShanghai(2026, 11, 18, 10); // a Wednesday
        try
        {
            var sales = await Api.As("east.sales1");
            var customer = await NewCustomer(sales, "A");
            await Record(sales, customer, "Visit", "2026-11-16");
            await Record(await Api.As("east.manager"), customer, "Call", "2026-11-17");
            await Record(await Api.As("gm"), customer, "Meeting", "2026-03-02");

            var duties = await Get(sales, $"/api/v1/customers/{customer}/contact-duties");

            duties["duties"]!.AsArray().Count.ShouldBe(5);
            Count(Duty(duties, "Owner", "Visit")).ShouldBe((1, 1, 0));
            Duty(duties, "Owner", "Visit")["periodFrom"]!.GetValue<string>().ShouldBe("2026-11-16");
            Count(Duty(duties, "UnitManager", "Call")).ShouldBe((1, 1, 0));
            Count(Duty(duties, "UnitManager", "Visit")).ShouldBe((2, 0, 2));
            Duty(duties, "UnitManager", "Visit")["responsible"]!.AsArray().Select(s => s!["id"]!.GetValue<long>())
                .ShouldContain(await sales.StaffId("east.manager"));
            Count(Duty(duties, "CompanyLeader", "Visit")).ShouldBe((1, 1, 0), "a meeting in person is a visit");
            Count(Duty(duties, "CompanyLeader", "Call")).ShouldBe((1, 0, 1));

            // Next Monday the week starts again; the salesperson's own list shows the visit still to do.
            Clock.SetShanghai(2026, 11, 23, 9);
            var next = await Get(sales, $"/api/v1/customers/{customer}/contact-duties");
            Count(Duty(next, "Owner", "Visit")).ShouldBe((1, 0, 1));
            var mine = (await Get(sales, "/api/v1/contact-duties?pageSize=100"))["items"]!.AsArray();
            mine.ShouldContain(d => d!["customerId"]!.GetValue<long>() == customer && d["role"]!.GetValue<string>() == "Owner"
                                    && d["kind"]!.GetValue<string>() == "Visit" && d["missing"]!.GetValue<int>() == 1);
            var manager = (await Get(await Api.As("east.manager"), "/api/v1/contact-duties?pageSize=100"))["items"]!.AsArray();
            manager.ShouldContain(d => d!["customerId"]!.GetValue<long>() == customer && d["role"]!.GetValue<string>() == "UnitManager"
                                       && d["kind"]!.GetValue<string>() == "Visit" && d["missing"]!.GetValue<int>() == 2);

            (await (await Api.As("south.sales1")).GetAsync($"/api/v1/customers/{customer}/contact-duties")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            Clock.Set(null);
        }
    }

    [Fact]
    public async Task B_and_C_customers_have_their_own_duties_and_D_customers_none()
    {
        Clock.SetShanghai(2026, 11, 18, 10);
        try
        {
            var sales = await Api.As("east.sales1");
            var b = await Get(sales, $"/api/v1/customers/{await NewCustomer(sales, "B")}/contact-duties");
            b["duties"]!.AsArray().Select(d => $"{d!["role"]}:{d["kind"]}:{d["period"]}")
                .ShouldBe(["UnitManager:Visit:Year", "Owner:Visit:Month", "Owner:Call:Month"], ignoreOrder: true);
            var c = await Get(sales, $"/api/v1/customers/{await NewCustomer(sales, "C")}/contact-duties");
            c["duties"]!.AsArray().Select(d => $"{d!["role"]}:{d["kind"]}:{d["period"]}").ShouldBe(["Owner:Call:Month"]);
            (await Get(sales, $"/api/v1/customers/{await NewCustomer(sales, "D")}/contact-duties"))["duties"]!.AsArray().ShouldBeEmpty();
        }
        finally
        {
            Clock.Set(null);
        }
    }

    [Fact]
    public async Task Reminders_list_customers_not_followed_up_or_without_purchases_for_longer_than_their_grade_allows()
    {
        Clock.SetShanghai(2026, 11, 18, 10);
        try
        {
            var sales = await Api.As("east.sales1");
            var never = await NewCustomer(sales, "B");
            var stale = await NewCustomer(sales, "B");
            await Record(sales, stale, "Call", "2026-08-01");
            var recent = await NewCustomer(sales, "C");
            await Record(sales, recent, "Call", "2026-10-01");
            var owner = await sales.StaffId("east.sales1");

            var neverList = (await Get(sales, $"/api/v1/follow-up-reminders?kind=NeverFollowedUp&ownerId={owner}&pageSize=100"))["items"]!.AsArray();
            neverList.Select(r => r!["customerId"]!.GetValue<long>()).ShouldContain(never);
            neverList.Select(r => r!["customerId"]!.GetValue<long>()).ShouldNotContain(stale);

            var overdue = (await Get(sales, $"/api/v1/follow-up-reminders?kind=NoFollowUp&ownerId={owner}&pageSize=100"))["items"]!.AsArray();
            var item = overdue.Single(r => r!["customerId"]!.GetValue<long>() == stale)!;
            (item["last"]!.GetValue<string>(), item["daysSince"]!.GetValue<int>(), item["thresholdDays"]!.GetValue<int>()).ShouldBe(("2026-08-01", 109, 60));
            overdue.Select(r => r!["customerId"]!.GetValue<long>()).ShouldNotContain(recent, "48 days is within C's 90");

            var buyer = await NewCustomer(sales, "A");
            var written = await sales.PutJson($"/api/v1/customers/{buyer}/facts/2026-06", new { orderAmount = 50_000m, volume = 80m }, null);
            written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
            var noPurchase = (await Get(sales, $"/api/v1/follow-up-reminders?kind=NoPurchase&ownerId={owner}&pageSize=100"))["items"]!.AsArray();
            var lapsed = noPurchase.Single(r => r!["customerId"]!.GetValue<long>() == buyer)!;
            (lapsed["last"]!.GetValue<string>(), lapsed["daysSince"]!.GetValue<int>()).ShouldBe(("2026-06-01", 141));
            (await Get(sales, $"/api/v1/follow-up-reminders?kind=NeverPurchased&ownerId={owner}&pageSize=100"))["items"]!.AsArray()
                .Select(r => r!["customerId"]!.GetValue<long>()).ShouldContain(never);

            (await Get(await Api.As("south.sales1"), "/api/v1/follow-up-reminders?kind=NeverFollowedUp&pageSize=100"))["items"]!.AsArray()
                .Select(r => r!["customerId"]!.GetValue<long>()).ShouldNotContain(never);
        }
        finally
        {
            Clock.Set(null);
        }
    }

    [Fact]
    public async Task Care_tasks_list_the_festivals_ahead_and_birthdays_and_anniversaries_of_A_and_B_customers_key_persons()
    {
        Clock.SetShanghai(2026, 9, 20, 10);
        try
        {
            var sales = await Api.As("east.sales1");
            var a = await NewCustomer(sales, "A");
            var c = await NewCustomer(sales, "C");
            foreach (var (customer, name) in new[] { (a, "李董"), (c, "赵总") })
            {
                var kp = await sales.PostJson($"/api/v1/customers/{customer}/key-persons",
                    new { name, level = "Executive", birthday = "1970-10-05", anniversaries = "结婚纪念日 10-10；公司成立日 12-01" });
                kp.StatusCode.ShouldBe(HttpStatusCode.Created, await kp.Content.ReadAsStringAsync());
            }

            var tasks = (await Get(sales, "/api/v1/care-tasks"))["tasks"]!.AsArray();

            var festivals = tasks.Where(t => t!["kind"]!.GetValue<string>() == "Festival").Select(t => (t!["title"]!.GetValue<string>(), t["date"]!.GetValue<string>())).ToList();
            festivals.ShouldBe([("中秋节问候", "2026-09-25"), ("国庆节问候", "2026-10-01")]);
            var mine = tasks.Where(t => t!["customerId"]?.GetValue<long>() == a).Select(t => (t!["kind"]!.GetValue<string>(), t["date"]!.GetValue<string>())).ToList();
            mine.ShouldBe([("Birthday", "2026-10-05"), ("Anniversary", "2026-10-10")], "12-01 is beyond 30 days");
            tasks.ShouldNotContain(t => t!["customerId"] != null && t["customerId"]!.GetValue<long>() == c, "C customers' people are not care dates");
            (await sales.GetAsync("/api/v1/care-tasks?days=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally
        {
            Clock.Set(null);
        }
    }
}

public sealed class FollowUpTests(ClockedSqliteApiFixture fixture) : FollowUpTestsBase(fixture), IClassFixture<ClockedSqliteApiFixture>;

public sealed class FollowUpTestsOnSqlServer(ClockedSqlServerApiFixture fixture) : FollowUpTestsBase(fixture), IClassFixture<ClockedSqlServerApiFixture>;
