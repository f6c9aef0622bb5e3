using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Data;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Api.IntegrationTests.Infrastructure.ProblemAssertions;

namespace Crm.Api.IntegrationTests;

/// <summary>Request-to-view approvals with expiring grants (DOMAIN.md §4, issue 4 point 2).</summary>
public abstract class AccessRequestTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task The_lookup_reveals_only_id_and_owning_unit_and_only_for_exact_matches()
    {
        var name = TestData.UniqueName("查找");
        var body = TestData.NewCustomer(name);
        await (await Api.As("east.sales1")).CreateCustomer(body);
        var client = await Api.As("east.sales2");

        var hits = JsonNode.Parse(await client.GetStringAsync($"/api/v1/access/customer-lookup?name={Uri.EscapeDataString(name)}"))!.AsArray();
        var byCode = JsonNode.Parse(await client.GetStringAsync($"/api/v1/access/customer-lookup?creditCode={body["creditCode"]}"))!.AsArray();
        var partial = JsonNode.Parse(await client.GetStringAsync($"/api/v1/access/customer-lookup?name={Uri.EscapeDataString(name[..4])}"))!.AsArray();
        var none = await client.GetAsync("/api/v1/access/customer-lookup");

        var hit = hits.Single()!.AsObject();
        hit.Select(p => p.Key).ShouldBe(["customerId", "name", "owningUnitId", "owningUnitName", "visibleToYou"], ignoreOrder: true);
        hit["owningUnitName"]!.GetValue<string>().ShouldBe("华东营销部");
        hit["visibleToYou"]!.GetValue<bool>().ShouldBeFalse();
        byCode.Single()!["customerId"]!.GetValue<long>().ShouldBe(hit["customerId"]!.GetValue<long>());
        partial.ShouldBeEmpty();
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_request_for_an_archive_of_the_own_unit_goes_to_the_unit_manager_and_of_another_unit_to_the_general_manager()
    {
        var eastCustomer = await NewCustomer("east.sales1", "本部门");

        var ownUnit = await (await Api.As("east.sales2")).PostJson("/api/v1/access/requests", new { customerId = eastCustomer, reason = "协同拜访需要了解客户情况", days = 3 });
        var otherUnit = await (await Api.As("south.sales1")).PostJson("/api/v1/access/requests", new { customerId = eastCustomer, reason = "跨区域项目", days = 3 });

        ownUnit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var own = await ownUnit.Body();
        own["route"]!.GetValue<string>().ShouldBe("OwnUnit");
        own["approver"]!["id"]!.GetValue<long>().ShouldBe(await (await Api.As("admin")).StaffId("east.manager"));
        own["status"]!.GetValue<string>().ShouldBe("Pending");
        var other = await otherUnit.Body();
        other["route"]!.GetValue<string>().ShouldBe("OtherUnit");
        other["approver"]!["id"]!.GetValue<long>().ShouldBe(await (await Api.As("admin")).StaffId("gm"));
    }

    [Fact]
    public async Task The_grant_lifecycle_none_pending_approved_revoked()
    {
        var customer = await NewCustomer("east.sales1", "生命周期");
        var requester = await Api.As("east.sales2");
        var manager = await Api.As("east.manager");

        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var request = await (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "协助跟进", days = 7 })).Body();
        var requestId = request["id"]!.GetValue<long>();

        // Pending: still nothing to read; the approver sees it in the inbox, the requester in their list.
        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ids(manager, "/api/v1/access/requests?box=Inbox&status=Pending")).ShouldContain(requestId);
        (await Ids(requester, "/api/v1/access/requests?box=Mine")).ShouldContain(requestId);

        var approved = await manager.PostJson($"/api/v1/access/requests/{requestId}/approve", new { comment = "同意，一周内有效" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var grant = (await approved.Body())["grant"]!;
        var expires = grant["expiresAt"]!.GetValue<DateTimeOffset>() - grant["startsAt"]!.GetValue<DateTimeOffset>();
        expires.ShouldBe(TimeSpan.FromDays(7));

        // Approved: read-only access, on the very next request.
        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await requester.GetAsync($"/api/v1/customers/{customer}/key-persons")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await requester.ListIds("sort=-id")).ShouldContain(customer);
        (await requester.PostJson($"/api/v1/customers/{customer}/key-persons", new { name = "李四", level = "KeyStaff" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var log = await (await (await Api.As("gm")).GetAsync($"/api/v1/access/read-log?customerId={customer}&staffId={request["requester"]!["id"]}")).Body();
        log["items"]!.AsArray().Select(e => e!["right"]!.GetValue<string>()).ShouldAllBe(r => r == $"grant:{grant["id"]}");

        var revoked = await requester.PostJson($"/api/v1/access/grants/{grant["id"]}/revoke", new { reason = "已完成" });
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.Body())["active"]!.GetValue<bool>().ShouldBeFalse();
        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_read_only_grant_does_not_make_a_customer_exportable()
    {
        var name = TestData.UniqueName("不可导出");
        var customer = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(name)))["id"]!.GetValue<long>();
        var manager = await Api.As("east.manager");
        var request = await (await manager.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "联合投标", days = 2 })).Body();
        (await (await Api.As("gm")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.ListIds($"q={Uri.EscapeDataString(name)}")).ShouldBe([customer]);

        var export = await manager.GetAsync($"/api/v1/customers/export?format=csv&q={Uri.EscapeDataString(name)}");

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldNotContain(name);
    }

    [Fact]
    public async Task A_grant_expires_by_itself()
    {
        var customer = await NewCustomer("south.sales1", "到期");
        var requester = await Api.As("east.sales1");
        var request = await (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "了解报价", days = 1 })).Body();
        var grant = (await (await (await Api.As("gm")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { comment = "可以" })).Body())["grant"]!;
        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Time passes: the grant's day is over. The rows are moved in the database as the clock would; the stamp is
        // moved too because the API keeps grant windows with a person's cached standing (the time check itself is
        // pinned by GrantWindowTests).
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var entity = await db.AccessGrants.SingleAsync(g => g.Id == grant["id"]!.GetValue<long>());
            db.Entry(entity).Property(g => g.StartsAt).CurrentValue = DateTimeOffset.UtcNow.AddDays(-2);
            db.Entry(entity).Property(g => g.ExpiresAt).CurrentValue = DateTimeOffset.UtcNow.AddSeconds(-1);
            db.MarkAccessChanged();
            await db.SaveChangesAsync();
        }

        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ids(requester, "/api/v1/access/grants?activeOnly=true", "id")).ShouldNotContain(grant["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_rejected_request_opens_nothing_and_keeps_the_comment()
    {
        var customer = await NewCustomer("south.sales1", "驳回");
        var requester = await Api.As("east.sales2");
        var request = await (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "想看看", days = 2 })).Body();

        var rejected = await (await Api.As("gm")).PostJson($"/api/v1/access/requests/{request["id"]}/reject", new { comment = "理由不充分" });

        var body = await rejected.Body();
        body["status"]!.GetValue<string>().ShouldBe("Rejected");
        body["decisionComment"]!.GetValue<string>().ShouldBe("理由不充分");
        body["grant"].ShouldBeNull();
        (await requester.GetAsync($"/api/v1/customers/{customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_approves_their_own_request_and_strangers_cannot_decide()
    {
        var customer = await NewCustomer("south.sales1", "自批");
        var manager = await Api.As("east.manager");
        var request = await (await manager.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "项目协作", days = 2 })).Body();

        var self = await manager.PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { comment = "自己批" });
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await self.Body())["code"]!.GetValue<string>().ShouldBe("selfApproval");
        (await (await Api.As("south.manager")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Api.As("east.sales1")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_approvers_acting_at_once_one_wins_the_other_gets_409()
    {
        var customer = await NewCustomer("south.sales1", "并发审批");
        var request = await (await (await Api.As("east.sales1")).PostJson("/api/v1/access/requests", new { customerId = customer, reason = "联合投标", days = 5 })).Body();
        var gm = await Api.As("gm");
        var deputy = await Api.As("deputy");

        var results = await Task.WhenAll(
            gm.PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { comment = "同意" }),
            deputy.PostJson($"/api/v1/access/requests/{request["id"]}/reject", new { comment = "不同意" }));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var loser = results.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        (await loser.Body())["code"]!.GetValue<string>().ShouldBe("alreadyDecided");
    }

    [Fact]
    public async Task Requests_are_validated_the_default_maximum_is_7_days_and_duplicates_are_refused()
    {
        var customer = await NewCustomer("south.sales1", "校验");
        var requester = await Api.As("east.sales2");

        var tooLong = await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "长期", days = 8 });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ShouldHaveFieldError(await tooLong.Body(), "days");
        (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "", days = 7 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "一周", days = 7 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await requester.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "再来", days = 7 });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Body())["code"]!.GetValue<string>().ShouldBe("alreadyRequested");
        var visible = await (await Api.As("south.sales1")).PostJson("/api/v1/access/requests", new { customerId = customer, reason = "自己的", days = 1 });
        (await visible.Body())["code"]!.GetValue<string>().ShouldBe("alreadyVisible");
        (await requester.PostJson("/api/v1/access/requests", new { customerId = 987654321, reason = "不存在", days = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Disabling_a_leaver_revokes_their_grants()
    {
        var admin = await Api.As("admin");
        var username = "leaver." + Guid.NewGuid().ToString("N")[..6];
        var created = await (await admin.PostJson("/api/v1/org/staff", new
        {
            username, displayName = "离职员工", unitId = await admin.UnitId("EAST"), positions = new[] { "AccountManager" }, password = "Welcome2026",
        })).Body();
        var leaver = await Api.As(username, "Welcome2026");
        var customer = await NewCustomer("south.sales1", "离职");
        var request = await (await leaver.PostJson("/api/v1/access/requests", new { customerId = customer, reason = "交接前了解", days = 3 })).Body();
        var grant = (await (await (await Api.As("gm")).PostJson($"/api/v1/access/requests/{request["id"]}/approve", new { })).Body())["grant"]!;

        (await admin.PostAsync($"/api/v1/org/staff/{created["id"]}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await (await (await Api.As("gm")).GetAsync($"/api/v1/access/requests/{request["id"]}")).Body();
        after["grant"]!["revokedAt"].ShouldNotBeNull();
        after["grant"]!["active"]!.GetValue<bool>().ShouldBeFalse();
        grant["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<long> NewCustomer(string owner, string stem) =>
        (await (await Api.As(owner)).CreateCustomer(TestData.NewCustomer(TestData.UniqueName(stem))))["id"]!.GetValue<long>();

    private static async Task<List<long>> Ids(HttpClient client, string url, string field = "id")
    {
        var page = await (await client.GetAsync(url)).Body();
        return page["items"]!.AsArray().Select(i => i![field]!.GetValue<long>()).ToList();
    }
}

public sealed class AccessRequestTests(SqliteApiFixture fixture) : AccessRequestTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class AccessRequestTestsOnSqlServer(SqlServerApiFixture fixture) : AccessRequestTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
