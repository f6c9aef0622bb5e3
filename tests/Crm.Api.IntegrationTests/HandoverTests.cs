using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>
/// Customer handover (客户交接). Every test hands over the customers of people it creates itself, so the demo users'
/// portfolios stay as they are and the tests do not disturb one another.
/// </summary>
public abstract class HandoverTestsBase(ApiFixture fixture)
{
    private const string StaffPassword = "Handover2026";

    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task A_manager_hands_every_customer_of_a_leaver_archived_ones_included_to_the_successor()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var ids = await NewCustomers(leaver, 3);
        (await manager.PostAsync($"/api/v1/customers/{ids[2]}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await manager.PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = successor, reason = "调离华东营销部" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var record = await response.Body();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/handovers/{record["id"]}");
        record["from"]!["id"]!.GetValue<long>().ShouldBe(leaver);
        record["to"]!["id"]!.GetValue<long>().ShouldBe(successor);
        record["by"]!["name"]!.GetValue<string>().ShouldBe("陈卫东");
        record["customerCount"]!.GetValue<int>().ShouldBe(3);
        record["disableLeaver"]!.GetValue<bool>().ShouldBeFalse();
        var items = record["items"]!.AsArray();
        items.Select(i => i!["customerId"]!.GetValue<long>()).ShouldBe(ids, ignoreOrder: true);
        items.ShouldAllBe(i => i!["code"] != null && i["previousOwnerId"]!.GetValue<long>() == leaver && i["newOwnerId"]!.GetValue<long>() == successor);

        (await manager.ListIds($"ownerId={leaver}")).ShouldBeEmpty();
        (await manager.ListIds($"ownerId={leaver}&archived=true")).ShouldBeEmpty();
        (await manager.ListIds($"ownerId={successor}")).ShouldBe(ids[..2], ignoreOrder: true);
        (await manager.ListIds($"ownerId={successor}&archived=true")).ShouldBe([ids[2]]);
        foreach (var id in ids)
        {
            var history = (await (await manager.GetAsync($"/api/v1/customers/{id}/history")).Body())["items"]!.AsArray();
            var owner = history.Single(h => h!["action"]!.GetValue<string>() == "HandedOver" && h["field"]!.GetValue<string>() == "ownerId")!;
            owner["oldValue"]!.GetValue<string>().ShouldBe(leaver.ToString());
            owner["newValue"]!.GetValue<string>().ShouldBe(successor.ToString());
            owner["by"]!["name"]!.GetValue<string>().ShouldBe("陈卫东");
            history.ShouldContain(h => h!["action"]!.GetValue<string>() == "HandedOver" && h["field"]!.GetValue<string>() == "handoverId"
                                       && h["newValue"]!.GetValue<string>() == record["id"]!.ToString());
        }
    }

    [Fact]
    public async Task The_record_is_listed_for_both_people_and_read_with_its_customers()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var ids = await NewCustomers(leaver, 1);
        var created = await (await manager.PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = successor, reason = "离职" })).Body();
        var id = created["id"]!.GetValue<long>();

        foreach (var person in new[] { leaver, successor })
        {
            var page = await (await manager.GetAsync($"/api/v1/handovers?staffId={person}")).Body();
            page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ShouldBe([id]);
        }
        var detail = await (await manager.GetAsync($"/api/v1/handovers/{id}")).Body();
        detail["reason"]!.GetValue<string>().ShouldBe("离职");
        detail["items"]![0]!["customerId"]!.GetValue<long>().ShouldBe(ids[0]);
        detail["items"]![0]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        // Another unit's manager has the permission but no part in this record.
        (await (await Api.As("south.manager")).GetAsync($"/api/v1/handovers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Api.As("gm")).GetAsync($"/api/v1/handovers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_selected_customers_are_handed_over()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var ids = await NewCustomers(leaver, 3);

        var response = await manager.PostJson("/api/v1/handovers",
            new { fromStaffId = leaver, toStaffId = successor, customerIds = new[] { ids[0], ids[1] }, reason = "分担客户" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Body())["customerCount"]!.GetValue<int>().ShouldBe(2);
        (await manager.ListIds($"ownerId={successor}")).ShouldBe(ids[..2], ignoreOrder: true);
        (await manager.ListIds($"ownerId={leaver}")).ShouldBe([ids[2]]);
    }

    [Fact]
    public async Task One_customer_the_leaver_does_not_own_refuses_the_whole_handover_with_400_and_moves_nothing()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var ids = await NewCustomers(leaver, 2);
        var someoneElses = (await NewCustomers(await NewStaff(), 1))[0];

        var response = await manager.PostJson("/api/v1/handovers", new
        {
            fromStaffId = leaver, toStaffId = successor, customerIds = new[] { ids[0], someoneElses, ids[1] }, reason = "调岗", disableLeaver = true,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        problem["code"]!.GetValue<string>().ShouldBe("notOwnedByLeaver");
        ProblemAssertions.ShouldHaveFieldError(problem, "customerIds");
        problem["errors"]!["customerIds"]![0]!.GetValue<string>().ShouldContain(someoneElses.ToString());
        (await manager.ListIds($"ownerId={leaver}")).ShouldBe(ids, ignoreOrder: true);
        (await manager.ListIds($"ownerId={successor}")).ShouldBeEmpty();
        (await (await manager.GetAsync($"/api/v1/handovers?staffId={leaver}")).Body())["total"]!.GetValue<int>().ShouldBe(0);
        (await (await manager.GetAsync($"/api/v1/org/staff/{leaver}")).Body())["isActive"]!.GetValue<bool>().ShouldBeTrue();
        var history = (await (await manager.GetAsync($"/api/v1/customers/{ids[0]}/history")).Body())["items"]!.AsArray();
        history.ShouldNotContain(h => h!["action"]!.GetValue<string>() == "HandedOver");
    }

    [Fact]
    public async Task A_customer_of_another_unit_is_404_for_the_manager()
    {
        var manager = await Api.As("east.manager");
        var souths = await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("华南")));
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var ids = await NewCustomers(leaver, 1);

        var response = await manager.PostJson("/api/v1/handovers",
            new { fromStaffId = leaver, toStaffId = successor, customerIds = new[] { ids[0], souths["id"]!.GetValue<long>() }, reason = "越权" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.ListIds($"ownerId={leaver}")).ShouldBe(ids);
    }

    [Fact]
    public async Task A_salesperson_may_not_hand_over_403()
    {
        var leaver = await NewStaff();
        var successor = await NewStaff();

        var response = await (await Api.As("east.sales1")).PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = successor, reason = "离职" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Api.As("east.sales1")).GetAsync("/api/v1/handovers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Api.As("east.sales1")).GetAsync($"/api/v1/org/staff/{leaver}/customers/summary")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_successor_cannot_be_the_leaver_and_needs_a_reason()
    {
        var leaver = await NewStaff();

        var response = await (await Api.As("east.manager")).PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = leaver, reason = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Body())["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(["toStaffId", "reason"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_successor_outside_the_managers_units_is_403_and_nothing_moves()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var ids = await NewCustomers(leaver, 1);
        var southSales = await manager.StaffId("south.sales1");

        var response = await manager.PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = southSales, reason = "调往华南" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.ListIds($"ownerId={leaver}")).ShouldBe(ids);
    }

    [Fact]
    public async Task Disabling_the_leaver_stops_their_token_on_its_next_request_and_their_sign_in()
    {
        var manager = await Api.As("east.manager");
        var (leaver, username) = await NewStaffWithName();
        var successor = await NewStaff();
        await NewCustomers(leaver, 1);
        var tokens = await Api.SignIn(username, StaffPassword);
        var leaversClient = Api.Anonymous();
        leaversClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        (await leaversClient.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await manager.PostJson("/api/v1/handovers",
            new { fromStaffId = leaver, toStaffId = successor, reason = "离职", disableLeaver = true });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Body())["disableLeaver"]!.GetValue<bool>().ShouldBeTrue();
        (await leaversClient.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Anonymous().PostJson("/api/v1/auth/token", new { username, password = StaffPassword })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The history still names the former owner: the account is disabled, not deleted.
        var history = await (await manager.GetAsync($"/api/v1/handovers?staffId={leaver}")).Body();
        history["items"]![0]!["from"]!["name"]!.GetValue<string>().ShouldStartWith("交接");
    }

    [Fact]
    public async Task The_successor_replaces_the_leaver_as_co_server()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var owner = await NewStaff();
        var coServed = await manager.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("协同"), b =>
        {
            b["ownerId"] = owner;
            b["coServerIds"] = new[] { leaver };
        }));
        var id = coServed["id"]!.GetValue<long>();

        var response = await manager.PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = successor, reason = "离职" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var record = await response.Body();
        record["customerCount"]!.GetValue<int>().ShouldBe(0);
        record["coServedCount"]!.GetValue<int>().ShouldBe(1);
        record["items"]![0]!["role"]!.GetValue<string>().ShouldBe("CoServer");
        var customer = await (await manager.GetAsync($"/api/v1/customers/{id}")).Body();
        customer["owner"]!["id"]!.GetValue<long>().ShouldBe(owner);
        customer["coServers"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ShouldBe([successor]);
        var history = (await (await manager.GetAsync($"/api/v1/customers/{id}/history")).Body())["items"]!.AsArray();
        var change = history.Single(h => h!["action"]!.GetValue<string>() == "HandedOver" && h["field"]!.GetValue<string>() == "coServerIds")!;
        change["oldValue"]!.GetValue<string>().ShouldBe(leaver.ToString());
        change["newValue"]!.GetValue<string>().ShouldBe(successor.ToString());
    }

    [Fact]
    public async Task Co_serving_stays_when_moveCoServing_is_false()
    {
        var manager = await Api.As("east.manager");
        var leaver = await NewStaff();
        var successor = await NewStaff();
        var coServed = await manager.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("协同"), b =>
        {
            b["ownerId"] = successor;
            b["coServerIds"] = new[] { leaver };
        }));

        var response = await manager.PostJson("/api/v1/handovers", new { fromStaffId = leaver, toStaffId = successor, reason = "离职", moveCoServing = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Body())["coServedCount"]!.GetValue<int>().ShouldBe(0);
        var customer = await (await manager.GetAsync($"/api/v1/customers/{coServed["id"]}")).Body();
        customer["coServers"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ShouldBe([leaver]);
    }

    [Fact]
    public async Task The_summary_counts_what_the_caller_can_see()
    {
        var manager = await Api.As("east.manager");
        var person = await NewStaff();
        var ids = await NewCustomers(person, 3);
        (await manager.PostAsync($"/api/v1/customers/{ids[0]}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await manager.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("协同"), b => b["coServerIds"] = new[] { person }));

        var summary = await (await manager.GetAsync($"/api/v1/org/staff/{person}/customers/summary")).Body();
        var elsewhere = await (await (await Api.As("south.manager")).GetAsync($"/api/v1/org/staff/{person}/customers/summary")).Body();

        (summary["owned"]!.GetValue<int>(), summary["coServed"]!.GetValue<int>(), summary["archived"]!.GetValue<int>()).ShouldBe((2, 1, 1));
        (elsewhere["owned"]!.GetValue<int>(), elsewhere["coServed"]!.GetValue<int>(), elsewhere["archived"]!.GetValue<int>()).ShouldBe((0, 0, 0));
        (await manager.GetAsync("/api/v1/org/staff/99999999/customers/summary")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<long> NewStaff() => (await NewStaffWithName()).Id;

    /// <summary>A fresh account manager of 华东营销部.</summary>
    private async Task<(long Id, string Username)> NewStaffWithName()
    {
        var admin = await Api.As("admin");
        var username = "ho." + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostJson("/api/v1/org/staff", new
        {
            username, displayName = "交接" + username[3..7], unitId = await admin.UnitId("EAST"), positions = new[] { "AccountManager" }, password = StaffPassword,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Body())["id"]!.GetValue<long>(), username);
    }

    /// <summary>Customers registered by east.manager for <paramref name="ownerId"/>.</summary>
    private async Task<List<long>> NewCustomers(long ownerId, int count)
    {
        var manager = await Api.As("east.manager");
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
            ids.Add((await manager.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("交接"), b => b["ownerId"] = ownerId)))["id"]!.GetValue<long>());
        return ids;
    }
}

public sealed class HandoverTests(SqliteApiFixture fixture) : HandoverTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class HandoverTestsOnSqlServer(SqlServerApiFixture fixture) : HandoverTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
