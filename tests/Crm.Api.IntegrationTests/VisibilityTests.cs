using System.Net;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>
/// DOMAIN.md §4: GM, deputy GM, the customer-management department and admins see every customer; a unit manager
/// sees their unit's sub-tree; a salesperson sees what they own or co-serve. An invisible customer is a 404
/// everywhere — detail, list, search, nested resources and writes.
/// </summary>
public abstract class VisibilityTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static readonly string[] EveryoneWhoSeesAll = ["gm", "deputy", "marketing1", "admin"];

    [Fact]
    public async Task A_salespersons_customer_is_visible_to_them_their_manager_and_leadership_only()
    {
        var owner = await Api.As("east.sales1");
        var name = TestData.UniqueName("可见性测试");
        var id = (await owner.CreateCustomer(TestData.NewCustomer(name)))["id"]!.GetValue<long>();

        foreach (var user in EveryoneWhoSeesAll.Append("east.sales1").Append("east.manager"))
        {
            var client = await Api.As(user);
            (await client.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, user);
            (await client.ListIds($"q={Uri.EscapeDataString(name)}")).ShouldContain(id, user);
        }
        foreach (var user in new[] { "east.sales2", "south.manager", "south.sales1", "service.manager" })
            await AssertInvisible(await Api.As(user), id, name, user);
    }

    [Fact]
    public async Task An_invisible_customer_answers_404_on_every_nested_resource_and_write()
    {
        var id = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("嵌套资源")))) ["id"]!.GetValue<long>();
        var stranger = await Api.As("east.sales1");

        foreach (var url in new[] { $"/api/v1/customers/{id}/key-persons", $"/api/v1/customers/{id}/history", $"/api/v1/customers/{id}/key-persons/1" })
        {
            var response = await stranger.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await stranger.PutJson($"/api/v1/customers/{id}", TestData.NewCustomer("改名"), "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostJson($"/api/v1/customers/{id}/key-persons", new { name = "张三", level = "Executive" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Even a manager-level right does not reveal another unit's customer.
        (await (await Api.As("east.manager")).PostAsync($"/api/v1/customers/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_co_server_sees_the_customer_even_from_another_department()
    {
        var admin = await Api.As("admin");
        var southSales = await admin.StaffId("south.sales1");
        var name = TestData.UniqueName("协同服务");
        var id = (await (await Api.As("east.sales1")).CreateCustomer(TestData.NewCustomer(name, b => b["coServerIds"] = new[] { southSales })))["id"]!.GetValue<long>();

        var coServer = await Api.As("south.sales1");
        (await coServer.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coServer.ListIds($"q={Uri.EscapeDataString(name)}")).ShouldContain(id);
        // Co-serving one customer does not open the co-server's manager's or colleagues' view of it.
        await AssertInvisible(await Api.As("east.sales2"), id, name, "east.sales2");
    }

    [Fact]
    public async Task The_service_units_leadership_sees_the_customers_it_serves()
    {
        var admin = await Api.As("admin");
        var serviceUnit = await admin.UnitId("SVC");
        var eastManager = await Api.As("east.manager");
        var name = TestData.UniqueName("服务单位");
        var id = (await eastManager.CreateCustomer(TestData.NewCustomer(name, b => b["serviceUnitId"] = serviceUnit)))["id"]!.GetValue<long>();

        (await (await Api.As("service.manager")).GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AssertInvisible(await Api.As("south.manager"), id, name, "south.manager");
    }

    [Fact]
    public async Task Lists_never_contain_what_the_detail_would_refuse()
    {
        foreach (var user in new[] { "east.sales1", "east.sales2", "south.sales1", "east.manager", "south.manager" })
        {
            var client = await Api.As(user);
            foreach (var id in (await client.ListIds("sort=-updatedAt")).Take(30))
                (await client.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} listed {id}");
        }
    }

    [Fact]
    public async Task A_salesperson_lists_only_customers_they_own_or_co_serve()
    {
        var client = await Api.As("east.sales2");
        var me = await (await client.GetAsync("/api/v1/me")).Body();
        var myId = me["id"]!.GetValue<long>();

        var page = await (await client.GetAsync("/api/v1/customers?pageSize=100")).Body();

        var items = page["items"]!.AsArray();
        items.Count.ShouldBeGreaterThan(0);
        foreach (var item in items)
        {
            if (item!["ownerId"]!.GetValue<long>() == myId)
                continue;
            var detail = await (await client.GetAsync($"/api/v1/customers/{item["id"]}")).Body();
            detail["coServers"]!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ShouldContain(myId);
        }
    }

    [Fact]
    public async Task Leadership_sees_customers_of_both_sales_departments()
    {
        var gm = await Api.As("gm");
        var east = await gm.UnitId("EAST");
        var south = await gm.UnitId("SOUTH");

        (await gm.ListIds($"unitId={east}")).ShouldNotBeEmpty();
        (await gm.ListIds($"unitId={south}")).ShouldNotBeEmpty();
        // A unit manager filtering on another unit gets nothing, not an error.
        (await (await Api.As("east.manager")).ListIds($"unitId={south}")).ShouldBeEmpty();
    }

    private static async Task AssertInvisible(HttpClient client, long id, string name, string user)
    {
        var detail = await client.GetAsync($"/api/v1/customers/{id}");
        detail.StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
        (await detail.Body())["code"]!.GetValue<string>().ShouldBe("notFound");
        (await client.ListIds($"q={Uri.EscapeDataString(name)}")).ShouldNotContain(id, user);
        (await client.ListIds("sort=-id")).ShouldNotContain(id, user);
    }
}

public sealed class VisibilityTests(SqliteApiFixture fixture) : VisibilityTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class VisibilityTestsOnSqlServer(SqlServerApiFixture fixture) : VisibilityTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
