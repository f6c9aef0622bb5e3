using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 point 2: follow-up activities under the customer's visibility rule.</summary>
public abstract class ActivityTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private async Task<long> NewCustomer(HttpClient client, Action<Dictionary<string, object?>>? tweak = null) =>
        (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("跟进"), tweak)))["id"]!.GetValue<long>();

    private static async Task<long> NewKeyPerson(HttpClient client, long customerId, string name = "王总")
    {
        var response = await client.PostJson($"/api/v1/customers/{customerId}/key-persons", new { name, level = "Executive", title = "总经理" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Body())["id"]!.GetValue<long>();
    }

    private static Dictionary<string, object?> Visit(string occurredOn = "2026-11-02", Action<Dictionary<string, object?>>? tweak = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "Visit", ["occurredOn"] = occurredOn, ["notes"] = "上门拜访采购部，介绍新品并了解明年需求。",
            ["outcome"] = "对方同意试用", ["nextStep"] = "寄送样品", ["nextStepDue"] = "2026-11-09",
        };
        tweak?.Invoke(body);
        return body;
    }

    private static async Task<(JsonObject Body, string ETag)> Record(HttpClient client, long customerId, Dictionary<string, object?> body)
    {
        var response = await client.PostJson($"/api/v1/customers/{customerId}/activities", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Body(), response.Headers.ETag!.ToString());
    }

    private static async Task<JsonObject> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static List<long> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();

    [Fact]
    public async Task A_salesperson_records_a_visit_with_colleagues_and_the_customer_s_key_person_and_reads_it_back()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var keyPersonId = await NewKeyPerson(sales, customerId);
        var me = await sales.StaffId("east.sales1");
        var manager = await sales.StaffId("east.manager");

        var (created, etag) = await Record(sales, customerId, Visit(tweak: b =>
        {
            b["participantIds"] = new[] { manager, me };
            b["keyPersonIds"] = new[] { keyPersonId };
        }));

        etag.ShouldBe("\"1\"");
        created["kind"]!.GetValue<string>().ShouldBe("Visit");
        created["occurredOn"]!.GetValue<string>().ShouldBe("2026-11-02");
        created["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()).ShouldBe([manager, me]);
        created["keyPersons"]![0]!["name"]!.GetValue<string>().ShouldBe("王总");
        created["createdBy"]!["id"]!.GetValue<long>().ShouldBe(me);
        created["customerName"]!.GetValue<string>().ShouldStartWith("跟进");
        var id = created["id"]!.GetValue<long>();

        var one = await sales.GetAsync($"/api/v1/customers/{customerId}/activities/{id}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        one.Headers.ETag!.ToString().ShouldBe("\"1\"");
        (await one.Body())["nextStep"]!.GetValue<string>().ShouldBe("寄送样品");
        Ids(await Page(sales, $"/api/v1/customers/{customerId}/activities")).ShouldBe([id]);
        Ids(await Page(sales, $"/api/v1/activities?customerId={customerId}")).ShouldBe([id]);
    }

    [Fact]
    public async Task Participants_default_to_the_author_and_the_lists_filter_by_kind_dates_and_participant()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var me = await sales.StaffId("east.sales1");
        var customerId = await NewCustomer(sales);
        var (call, _) = await Record(sales, customerId, Visit("2026-10-30", b => b["kind"] = "Call"));
        var (visit, _) = await Record(sales, customerId, Visit("2026-11-03"));
        var (gift, _) = await Record(sales, customerId, Visit("2026-11-03", b => b["kind"] = "Gift"));

        call["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()).ShouldBe([me]);
        var (callId, visitId, giftId) = (call["id"]!.GetValue<long>(), visit["id"]!.GetValue<long>(), gift["id"]!.GetValue<long>());
        var list = $"/api/v1/customers/{customerId}/activities";
        Ids(await Page(sales, list)).ShouldBe([giftId, visitId, callId], "newest first");
        Ids(await Page(sales, list + "?kind=Call")).ShouldBe([callId]);
        Ids(await Page(sales, list + "?from=2026-11-01&to=2026-11-03")).ShouldBe([giftId, visitId]);
        Ids(await Page(sales, list + "?to=2026-10-31")).ShouldBe([callId]);
        Ids(await Page(sales, $"/api/v1/activities?customerId={customerId}&participantId={me}&kind=Visit")).ShouldBe([visitId]);
        var manager = await sales.StaffId("east.manager");
        Ids(await Page(sales, $"/api/v1/activities?customerId={customerId}&participantId={manager}")).ShouldBeEmpty();
        (await Page(sales, list + "?pageSize=2"))["total"]!.GetValue<int>().ShouldBe(3);
    }

    [Theory]
    [InlineData("occurredOn", "2031-01-01")]
    [InlineData("occurredOn", "1999-12-31")]
    [InlineData("notes", "")]
    [InlineData("nextStepDue", "2026-10-01")]
    [InlineData("kind", null)]
    public async Task Invalid_fields_are_400_on_their_field(string field, string? value)
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);

        var response = await sales.PostJson($"/api/v1/customers/{customerId}/activities", Visit(tweak: b => b[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), field);
    }

    [Fact]
    public async Task Key_persons_of_another_customer_and_unknown_staff_are_refused_by_position()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var own = await NewKeyPerson(sales, customerId);
        var foreign = await NewKeyPerson(sales, await NewCustomer(sales), "李经理");
        var me = await sales.StaffId("east.sales1");

        var response = await sales.PostJson($"/api/v1/customers/{customerId}/activities", Visit(tweak: b =>
        {
            b["keyPersonIds"] = new[] { own, foreign };
            b["participantIds"] = new[] { me, 987_654_321L };
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        ProblemAssertions.ShouldHaveFieldError(problem, "keyPersonIds[1]");
        ProblemAssertions.ShouldHaveFieldError(problem, "participantIds[1]");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldNotContain("keyPersonIds[0]");
        Ids(await Page(sales, $"/api/v1/customers/{customerId}/activities")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_date_may_be_today_in_Shanghai_and_not_tomorrow_as_the_clock_crosses_the_month_end()
    {
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var url = $"/api/v1/customers/{customerId}/activities";
        try
        {
            // 2026-11-30 23:30 in Shanghai (15:30 UTC).
            Clock.SetShanghai(2026, 11, 30, 23, 30);
            (await sales.PostJson(url, Visit("2026-11-30", b => b["nextStepDue"] = null))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var early = await sales.PostJson(url, Visit("2026-12-01", b => b["nextStepDue"] = null));
            early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            ProblemAssertions.ShouldHaveFieldError(await early.Body(), "occurredOn");

            // Half past midnight in Shanghai is still 30 November in UTC: December has begun where the business is.
            Clock.SetShanghai(2026, 12, 1, 0, 30);
            (await sales.PostJson(url, Visit("2026-12-01", b => b["nextStepDue"] = null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            Clock.Set(null);
        }
    }

    [Fact]
    public async Task A_customer_the_caller_cannot_see_is_404_for_every_activity_route_and_absent_from_their_list()
    {
        Clock.Set(null);
        var owner = await Api.As("east.sales1");
        var customerId = await NewCustomer(owner);
        var (activity, etag) = await Record(owner, customerId, Visit());
        var id = activity["id"]!.GetValue<long>();
        var other = await Api.As("east.sales2");

        (await other.GetAsync($"/api/v1/customers/{customerId}/activities")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/customers/{customerId}/activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostJson($"/api/v1/customers/{customerId}/activities", Visit())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutJson($"/api/v1/customers/{customerId}/activities/{id}", Visit(), etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/customers/{customerId}/activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An activity id under the wrong customer is just as absent.
        var otherCustomer = await NewCustomer(owner);
        (await owner.GetAsync($"/api/v1/customers/{otherCustomer}/activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await Page(other, $"/api/v1/activities?customerId={customerId}");
        Ids(list).ShouldBeEmpty();
        (await Page(other, "/api/v1/activities?pageSize=100")).ToJsonString().ShouldNotContain(activity["customerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_author_and_managers_change_or_delete_an_activity_and_other_writers_may_not()
    {
        Clock.Set(null);
        var author = await Api.As("east.sales1");
        var coServer = await Api.As("east.sales2");
        var coServerId = await author.StaffId("east.sales2");
        var authorId = await author.StaffId("east.sales1");
        var customerId = await NewCustomer(author, b => b["coServerIds"] = new[] { coServerId });
        var keyPersonId = await NewKeyPerson(author, customerId);
        var (activity, etag) = await Record(author, customerId, Visit(tweak: b =>
        {
            b["participantIds"] = new[] { authorId, coServerId };
            b["keyPersonIds"] = new[] { keyPersonId };
        }));
        var url = $"/api/v1/customers/{customerId}/activities/{activity["id"]}";

        // A co-serving salesperson may record their own activities here, not change the author's.
        (await coServer.PostJson($"/api/v1/customers/{customerId}/activities", Visit())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await coServer.PutJson(url, Visit(tweak: b => b["notes"] = "改写"), etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coServer.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An administrator reads every archive but records no activities.
        (await (await Api.As("admin")).PutJson(url, Visit(tweak: b => b["notes"] = "改写"), etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await author.PutJson(url, Visit(tweak: b => b["notes"] = "补充"), null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await author.PutJson(url, Visit(tweak: b => b["notes"] = "补充"), "\"7\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var edited = await author.PutJson(url, Visit(tweak: b => b["notes"] = "补充：对方要求报价单。"), etag);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        edited.Headers.ETag!.ToString().ShouldBe("\"2\"");

        var manager = await Api.As("east.manager");
        var byManager = await manager.PutJson(url, Visit(tweak: b => b["outcome"] = "经理复核：已报价"), "\"2\"");
        byManager.StatusCode.ShouldBe(HttpStatusCode.OK, await byManager.Content.ReadAsStringAsync());
        var body = await byManager.Body();
        (body["version"]!.GetValue<int>(), body["updatedBy"]!["id"]!.GetValue<long>(), body["createdBy"]!["id"]!.GetValue<long>())
            .ShouldBe((3, await manager.StaffId("east.manager"), await author.StaffId("east.sales1")));
        // Participants and key persons stay as recorded when the editor leaves them out, never "whoever edits".
        body["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()).ShouldBe([authorId, coServerId]);
        body["keyPersons"]!.AsArray().Select(k => k!["id"]!.GetValue<long>()).ShouldBe([keyPersonId]);

        (await manager.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await manager.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await author.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_archived_customer_takes_no_new_activities_but_keeps_its_old_ones()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var (activity, _) = await Record(sales, customerId, Visit());
        var manager = await Api.As("east.manager");
        (await manager.PostAsync($"/api/v1/customers/{customerId}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await sales.PostJson($"/api/v1/customers/{customerId}/activities", Visit());

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("archived");
        Ids(await Page(sales, $"/api/v1/customers/{customerId}/activities")).ShouldBe([activity["id"]!.GetValue<long>()]);
    }

    [Fact]
    public async Task Removing_a_key_person_removes_them_from_the_activities_that_named_them()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var kept = await NewKeyPerson(sales, customerId, "张总");
        var removed = await NewKeyPerson(sales, customerId, "赵经理");
        var (activity, _) = await Record(sales, customerId, Visit(tweak: b => b["keyPersonIds"] = new[] { kept, removed }));

        (await sales.DeleteAsync($"/api/v1/customers/{customerId}/key-persons/{removed}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await Page(sales, $"/api/v1/customers/{customerId}/activities/{activity["id"]}");
        after["keyPersons"]!.AsArray().Select(k => k!["id"]!.GetValue<long>()).ShouldBe([kept]);
    }

    [Fact]
    public async Task Reading_a_customer_s_activities_is_in_the_read_log()
    {
        Clock.Set(null);
        var sales = await Api.As("east.sales1");
        var customerId = await NewCustomer(sales);
        var (activity, _) = await Record(sales, customerId, Visit());

        await Page(sales, $"/api/v1/customers/{customerId}/activities");
        await Page(sales, $"/api/v1/customers/{customerId}/activities/{activity["id"]}");
        await Page(sales, $"/api/v1/activities?customerId={customerId}");

        var log = await Page(await Api.As("gm"), $"/api/v1/access/read-log?customerId={customerId}&pageSize=100");
        log["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "Activities").ShouldBe(3);
    }
}

public sealed class ActivityTests(ClockedSqliteApiFixture fixture) : ActivityTestsBase(fixture), IClassFixture<ClockedSqliteApiFixture>;

public sealed class ActivityTestsOnSqlServer(ClockedSqlServerApiFixture fixture) : ActivityTestsBase(fixture), IClassFixture<ClockedSqlServerApiFixture>;
