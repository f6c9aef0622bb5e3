using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Key persons' contacts and personal facts only for holders of customers.readSensitive at that customer's scope.</summary>
public abstract class MaskingTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task Key_person_contacts_are_masked_for_readers_without_readSensitive_in_every_output()
    {
        var owner = await Api.As("east.sales1");
        var customer = (await owner.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("脱敏"))))["id"]!.GetValue<long>();
        var added = await (await owner.PostJson($"/api/v1/customers/{customer}/key-persons", new
        {
            name = "周建华", title = "总经理", level = "Executive", phone = "13812345678", email = "zhou.jianhua@example.cn",
            birthday = "1970-05-06", interests = "钓鱼", family = "一子一女",
        })).Body();
        var personId = added["id"]!.GetValue<long>();
        added["masked"]!.GetValue<bool>().ShouldBeFalse();
        added["phone"]!.GetValue<string>().ShouldBe("13812345678");
        (await owner.PutJson($"/api/v1/customers/{customer}/key-persons/{personId}", new
        {
            name = "周建华", title = "总经理", level = "Executive", phone = "13987654321", email = "zhou.jianhua@example.cn", birthday = "1970-05-06",
        }, "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The administrator reads every archive but holds no customers.readSensitive.
        var admin = await Api.As("admin");
        var list = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/customers/{customer}/key-persons"))!.AsArray();
        var masked = list.Single()!;
        masked["masked"]!.GetValue<bool>().ShouldBeTrue();
        masked["phone"]!.GetValue<string>().ShouldBe("139****4321");
        masked["email"]!.GetValue<string>().ShouldBe("z***@example.cn");
        masked["birthday"].ShouldBeNull();
        masked["interests"].ShouldBeNull();
        masked["family"].ShouldBeNull();
        masked["name"]!.GetValue<string>().ShouldBe("周建华");
        var single = await (await admin.GetAsync($"/api/v1/customers/{customer}/key-persons/{personId}")).Body();
        single["phone"]!.GetValue<string>().ShouldBe("139****4321");
        var history = (await (await admin.GetAsync($"/api/v1/customers/{customer}/history?pageSize=100")).Body())["items"]!.AsArray();
        var phoneChange = history.Single(h => h!["field"]!.GetValue<string>() == $"keyPersons[{personId}].phone")!;
        (phoneChange["oldValue"]!.GetValue<string>(), phoneChange["newValue"]!.GetValue<string>()).ShouldBe(("138****5678", "139****4321"));

        // The owner (readSensitive on own customers) and the GM (all) see everything.
        foreach (var user in new[] { "east.sales1", "gm", "east.manager" })
        {
            var full = JsonNode.Parse(await (await Api.As(user)).GetStringAsync($"/api/v1/customers/{customer}/key-persons"))!.AsArray().Single()!;
            full["masked"]!.GetValue<bool>().ShouldBeFalse(user);
            full["phone"]!.GetValue<string>().ShouldBe("13987654321", user);
            full["birthday"]!.GetValue<string>().ShouldBe("1970-05-06", user);
        }
        var ownerHistory = (await (await owner.GetAsync($"/api/v1/customers/{customer}/history?pageSize=100")).Body())["items"]!.AsArray();
        ownerHistory.Single(h => h!["field"]!.GetValue<string>() == $"keyPersons[{personId}].phone")!["oldValue"]!.GetValue<string>().ShouldBe("13812345678");
    }

    [Fact]
    public async Task A_read_only_grant_shows_key_persons_masked()
    {
        var owner = await Api.As("south.sales1");
        var customer = (await owner.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("授权脱敏"))))["id"]!.GetValue<long>();
        await owner.PostJson($"/api/v1/customers/{customer}/key-persons", new { name = "吴刚", level = "BusinessManager", phone = "13600001111" });
        var requester = await Api.As("east.sales2");
        var request = await (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "联合拜访", days = 2 })).Body();
        (await (await Api.As("gm")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var persons = JsonNode.Parse(await requester.GetStringAsync($"/api/v1/customers/{customer}/key-persons"))!.AsArray();

        persons.Single()!["phone"]!.GetValue<string>().ShouldBe("136****1111");
        persons.Single()!["masked"]!.GetValue<bool>().ShouldBeTrue();
    }
}

public sealed class MaskingTests(SqliteApiFixture fixture) : MaskingTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class MaskingTestsOnSqlServer(SqlServerApiFixture fixture) : MaskingTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
