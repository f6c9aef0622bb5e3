using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 7 point 1: complaints (客户投诉) through their workflow, over HTTP.</summary>
public abstract class ComplaintTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static async Task<JsonObject> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private async Task<(HttpClient Sales, HttpClient Manager, long CustomerId, long ComplaintId)> Received()
    {
        var sales = await Api.As("east.sales1");
        var customerId = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("投诉"))))["id"]!.GetValue<long>();
        var complaint = await Ok(await sales.PostJson($"/api/v1/customers/{customerId}/complaints",
            new { subject = "到货破损", description = "第三批货到货时外包装破损", receivedOn = "2026-03-02" }), HttpStatusCode.Created);
        complaint["status"]!.GetValue<string>().ShouldBe("Received");
        return (sales, await Api.As("east.manager"), customerId, complaint["id"]!.GetValue<long>());
    }

    private static Task<HttpResponseMessage> Move(HttpClient client, long customerId, long complaintId, object body) =>
        client.PostJson($"/api/v1/customers/{customerId}/complaints/{complaintId}/transitions", body);

    [Fact]
    public async Task A_substantiated_complaint_is_investigated_reworked_replied_and_archived_after_review_with_its_history()
    {
        var (sales, manager, customerId, id) = await Received();
        var unit = await manager.UnitId("EAST");
        var person = await manager.StaffId("east.sales1");

        // Handling needs complaints.manage; the salesperson who received it may not move it.
        (await Move(sales, customerId, id, new { to = "Investigating" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Ok(await Move(manager, customerId, id, new { to = "Investigating", note = "转技术部" }));
        var noFinding = await Move(manager, customerId, id, new { to = "Rework" });
        noFinding.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Ok(await Move(manager, customerId, id,
            new { to = "Rework", substantiated = true, finding = "包装不合格", responsibleUnitId = unit, responsibleStaffId = person }));
        await Ok(await Move(manager, customerId, id, new { to = "Replied", correctiveAction = "更换包装供应商" }));
        (await Move(manager, customerId, id, new { to = "Archived" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var archived = await Ok(await Move(manager, customerId, id, new { to = "Archived", review = "整改到位" }));

        archived["status"]!.GetValue<string>().ShouldBe("Archived");
        archived["substantiated"]!.GetValue<bool>().ShouldBeTrue();
        archived["responsibleUnit"]!["id"]!.GetValue<long>().ShouldBe(unit);
        archived["responsibleStaff"]!["id"]!.GetValue<long>().ShouldBe(person);
        archived["allowed"]!.AsArray().ShouldBeEmpty();
        archived["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()).ShouldBe(["Received", "Investigating", "Rework", "Replied", "Archived"]);

        var read = await Ok(await sales.GetAsync($"/api/v1/customers/{customerId}/complaints/{id}"));
        read["review"]!.GetValue<string>().ShouldBe("整改到位");
    }

    [Fact]
    public async Task An_illegal_transition_answers_409_illegalTransition_naming_from_and_to()
    {
        var (_, manager, customerId, id) = await Received();

        var response = await Move(manager, customerId, id, new { to = "Archived" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Body();
        problem["code"]!.GetValue<string>().ShouldBe("illegalTransition");
        problem["detail"]!.GetValue<string>().ShouldContain("Received");
        problem["detail"]!.GetValue<string>().ShouldContain("Archived");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_dissatisfied_customer_sends_an_unfounded_complaint_back_to_investigation()
    {
        var (_, manager, customerId, id) = await Received();
        await Ok(await Move(manager, customerId, id, new { to = "Investigating" }));
        await Ok(await Move(manager, customerId, id, new { to = "Replied", substantiated = false, finding = "属使用不当，已向客户解释" }));
        var back = await Ok(await Move(manager, customerId, id, new { to = "Investigating", note = "客户不满意" }));
        (back["status"]!.GetValue<string>(), back["rounds"]!.GetValue<int>()).ShouldBe(("Investigating", 1));
        var replied = await Ok(await Move(manager, customerId, id, new { to = "Replied" }));
        var archived = await Ok(await Move(manager, customerId, id, new { to = "Archived", note = "客户满意" }));
        archived["status"]!.GetValue<string>().ShouldBe("Archived");
        replied["responsibleUnit"].ShouldBeNull();
    }

    [Fact]
    public async Task Complaints_of_a_customer_the_caller_may_not_see_answer_404_and_are_not_listed()
    {
        var (_, _, customerId, id) = await Received();
        var south = await Api.As("south.sales1");

        (await south.GetAsync($"/api/v1/customers/{customerId}/complaints/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.GetAsync($"/api/v1/customers/{customerId}/complaints")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Api.As("south.manager")).PostJson($"/api/v1/customers/{customerId}/complaints/{id}/transitions", new { to = "Investigating" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Ok(await south.GetAsync($"/api/v1/complaints?pageSize=100&customerId={customerId}"));
        list["items"]!.AsArray().ShouldBeEmpty();
        var own = await Ok(await (await Api.As("east.sales1")).GetAsync($"/api/v1/complaints?pageSize=100&customerId={customerId}"));
        own["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ShouldBe([id]);
    }

    [Fact]
    public async Task A_praise_is_recorded_for_the_praised_person_listed_under_visibility_and_counted_in_the_indicators()
    {
        var sales = await Api.As("east.sales1");
        var salesId = await sales.StaffId("east.sales1");
        var customer = await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("表扬")));
        var customerId = customer["id"]!.GetValue<long>();
        var url = $"/api/v1/customers/{customerId}/praises";

        var praise = await Ok(await sales.PostJson(url, new { content = "  送货及时，服务周到  ", receivedOn = "2026-03-10", praisedStaffId = salesId }),
            HttpStatusCode.Created);
        (praise["content"]!.GetValue<string>(), praise["praisedStaff"]!["id"]!.GetValue<long>(), praise["receivedOn"]!.GetValue<string>())
            .ShouldBe(("送货及时，服务周到", salesId, "2026-03-10"));
        praise["unit"]!["id"]!.GetValue<long>().ShouldBe(customer["owningUnitId"]!.GetValue<long>());

        async Task Refused(object body, string field)
        {
            var response = await sales.PostJson(url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.Body())["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        }
        await Refused(new { content = "" }, "content");
        await Refused(new { content = "好", receivedOn = "2099-01-01" }, "receivedOn");
        await Refused(new { content = "好", praisedStaffId = 987654321 }, "praisedStaffId");

        var list = await Ok(await sales.GetAsync(url));
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ShouldBe([praise["id"]!.GetValue<long>()]);
        var south = await Api.As("south.sales1");
        (await south.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.PostJson(url, new { content = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        int Praises(JsonObject report) => report["rows"]!.AsArray().Single(r => r!["staff"]!["id"]!.GetValue<long>() == salesId)!["praises"]!.GetValue<int>();
        Praises(await Ok(await sales.GetAsync("/api/v1/kpi/indicators?from=2026-03&to=2026-03"))).ShouldBe(1);
        Praises(await Ok(await sales.GetAsync("/api/v1/kpi/indicators?from=2026-02&to=2026-02"))).ShouldBe(0);
    }
}

public sealed class ComplaintTests(SqliteApiFixture fixture) : ComplaintTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ComplaintTestsOnSqlServer(SqlServerApiFixture fixture) : ComplaintTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
