using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Data;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

public abstract class ReadLogTestsBase(ApiFixture fixture)
{
    private const string UserAgent = "ReadLogTests/1.0";

    private ApiFixture Api => fixture.Ready();

    private async Task<HttpClient> As(string username)
    {
        var client = await Api.As(username);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    private async Task<long> NewCustomerOfEastSales1() =>
        (await (await As("east.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("查阅"))))["id"]!.GetValue<long>();

    private async Task<JsonObject> Log(string query)
    {
        var response = await (await As("gm")).GetAsync("/api/v1/access/read-log?pageSize=100&" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private async Task<List<JsonObject>> Entries(string query) =>
        (await Log(query))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    private async Task<JsonObject> Verify()
    {
        var response = await (await As("admin")).GetAsync("/api/v1/access/read-log/verify");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private async Task<T> WithDb<T>(Func<CrmDbContext, Task<T>> work)
    {
        using var scope = Api.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task A_salesperson_reading_detail_key_persons_one_key_person_and_history_leaves_one_entry_each()
    {
        var sales = await As("east.sales1");
        var staffId = await sales.StaffId("east.sales1");
        var id = await NewCustomerOfEastSales1();
        var person = await (await sales.PostJson($"/api/v1/customers/{id}/key-persons", new { name = "王建国", title = "总经理", level = "Executive" })).Body();

        (await sales.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync($"/api/v1/customers/{id}/key-persons")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync($"/api/v1/customers/{id}/key-persons/{person["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync($"/api/v1/customers/{id}/history")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await Entries($"customerId={id}");
        entries.Select(e => e["action"]!.GetValue<string>()).ShouldBe(["History", "KeyPerson", "KeyPersons", "Detail"]);
        entries.ShouldAllBe(e => e["staffId"]!.GetValue<long>() == staffId && e["customerId"]!.GetValue<long>() == id);
        entries.ShouldAllBe(e => e["right"]!.GetValue<string>() == "scope:Own");
        entries.ShouldAllBe(e => e["client"]!.GetValue<string>().Contains("ua=" + UserAgent));
        entries.ShouldAllBe(e => e["client"]!.GetValue<string>().StartsWith("ip="));
        entries.ShouldAllBe(e => e["staffName"]!.GetValue<string>().Length > 0 && e["customerName"]!.GetValue<string>().StartsWith("查阅"));
        var ids = entries.Select(e => e["id"]!.GetValue<long>()).ToList();
        ids.ShouldBe(ids.OrderDescending().ToList());
    }

    [Fact]
    public async Task The_right_names_the_readers_scope()
    {
        var id = await NewCustomerOfEastSales1();

        (await (await As("gm")).GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await As("east.manager")).GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await Entries($"customerId={id}");
        entries.Select(e => e["right"]!.GetValue<string>()).ShouldBe(["scope:UnitSubtree", "scope:All"]);
        entries[1]["staffId"]!.GetValue<long>().ShouldBe(await (await As("gm")).StaffId("gm"));
    }

    [Fact]
    public async Task A_read_that_answers_404_records_nothing()
    {
        var id = await NewCustomerOfEastSales1();
        var colleague = await As("east.sales2");

        (await colleague.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.GetAsync($"/api/v1/customers/{id}/key-persons")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.GetAsync($"/api/v1/customers/{id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As("east.sales1")).GetAsync($"/api/v1/customers/{id}/key-persons/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await Log($"customerId={id}"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task The_log_filters_by_reader_customer_and_time()
    {
        var id = await NewCustomerOfEastSales1();
        var other = await NewCustomerOfEastSales1();
        var sales = await As("east.sales1");
        var salesId = await sales.StaffId("east.sales1");
        var gmId = await sales.StaffId("gm");
        (await sales.GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();
        (await sales.GetAsync($"/api/v1/customers/{other}")).EnsureSuccessStatusCode();
        (await (await As("gm")).GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();

        var bySales = await Entries($"customerId={id}&staffId={salesId}");
        bySales.Count.ShouldBe(1);
        bySales[0]["staffId"]!.GetValue<long>().ShouldBe(salesId);
        (await Entries($"customerId={id}&staffId={gmId}")).Single()["staffId"]!.GetValue<long>().ShouldBe(gmId);
        (await Entries($"customerId={other}")).Single()["customerId"]!.GetValue<long>().ShouldBe(other);
        (await Entries($"staffId={salesId}")).ShouldAllBe(e => e["staffId"]!.GetValue<long>() == salesId);

        var first = DateTimeOffset.Parse(bySales[0]["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var fromFirst = await Entries($"customerId={id}&from={Instant(first)}&to={Instant(first.AddTicks(1))}");
        fromFirst.Single()["id"]!.GetValue<long>().ShouldBe(bySales[0]["id"]!.GetValue<long>());
        (await Entries($"customerId={id}&to={Instant(first)}")).ShouldBeEmpty();
        (await Entries($"customerId={id}&from={Instant(first.AddTicks(1))}")).Single()["staffId"]!.GetValue<long>().ShouldBe(gmId);
        (await Entries($"from={Instant(DateTimeOffset.UtcNow.AddHours(1))}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_a_400()
    {
        var now = DateTimeOffset.UtcNow;

        var response = await (await As("gm")).GetAsync($"/api/v1/access/read-log?from={Instant(now)}&to={Instant(now.AddHours(-1))}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), "to");
    }

    [Theory]
    [InlineData("east.sales1")]
    [InlineData("east.manager")]
    public async Task Without_access_auditLog_the_log_and_its_verification_are_403(string username)
    {
        var client = await As(username);

        var list = await client.GetAsync("/api/v1/access/read-log");
        var verify = await client.GetAsync("/api/v1/access/read-log/verify");

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        verify.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await list.Body())["detail"]!.GetValue<string>().ShouldContain("access.auditLog");
    }

    [Fact]
    public async Task The_chain_verifies_intact_after_reads()
    {
        var id = await NewCustomerOfEastSales1();
        var sales = await As("east.sales1");
        for (var i = 0; i < 3; i++)
            (await sales.GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();
        var stored = await WithDb(db => db.ReadLog.CountAsync());

        var result = await Verify();

        result["intact"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["entriesChecked"]!.GetValue<long>().ShouldBe(stored);
        stored.ShouldBeGreaterThanOrEqualTo(3);
        result["firstBrokenEntryId"].ShouldBeNull();
    }

    [Fact]
    public async Task An_entry_changed_in_the_database_is_reported_as_the_first_broken_link()
    {
        var id = await NewCustomerOfEastSales1();
        var sales = await As("east.sales1");
        for (var i = 0; i < 3; i++)
            (await sales.GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();
        var target = (await Entries($"customerId={id}"))[1]["id"]!.GetValue<long>();

        await WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"ReadLog\" SET \"Right\" = {0} WHERE \"Id\" = {1}", "scope:All", target));
        try
        {
            var result = await Verify();

            result["intact"]!.GetValue<bool>().ShouldBeFalse();
            result["firstBrokenEntryId"]!.GetValue<long>().ShouldBe(target);
        }
        finally
        {
            // Put it back, so the other tests of this class see an intact chain again.
            await WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"ReadLog\" SET \"Right\" = {0} WHERE \"Id\" = {1}", "scope:Own", target));
        }
        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task There_is_no_way_to_change_or_remove_an_entry_over_HTTP(string method)
    {
        var id = await NewCustomerOfEastSales1();
        (await (await As("east.sales1")).GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();
        var entryId = (await Entries($"customerId={id}")).Single()["id"]!.GetValue<long>();
        var before = await WithDb(db => db.ReadLog.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id + "|" + e.Right + "|" + e.Hash).ToListAsync());
        var admin = await As("admin");

        foreach (var url in new[] { $"/api/v1/access/read-log/{entryId}", "/api/v1/access/read-log" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = new StringContent("""{"right":"scope:All"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            var response = await admin.SendAsync(request);

            ((int)response.StatusCode).ShouldBeOneOf(404, 405);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        var after = await WithDb(db => db.ReadLog.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id + "|" + e.Right + "|" + e.Hash).ToListAsync());
        after.ShouldBe(before);
    }

    [Fact]
    public async Task A_read_that_cannot_be_logged_fails_with_503_and_reads_work_again_afterwards()
    {
        var id = await NewCustomerOfEastSales1();
        var sales = await As("east.sales1");
        var isSqlite = await WithDb(db => Task.FromResult(db.Database.IsSqlite()));
        var hide = isSqlite ? "ALTER TABLE \"ReadLog\" RENAME TO \"ReadLogHidden\"" : "EXEC sp_rename 'ReadLog', 'ReadLogHidden'";
        var restore = isSqlite ? "ALTER TABLE \"ReadLogHidden\" RENAME TO \"ReadLog\"" : "EXEC sp_rename 'ReadLogHidden', 'ReadLog'";

        await WithDb(db => db.Database.ExecuteSqlRawAsync(hide));
        HttpResponseMessage refused;
        try
        {
            refused = await sales.GetAsync($"/api/v1/customers/{id}");
        }
        finally
        {
            await WithDb(db => db.Database.ExecuteSqlRawAsync(restore));
        }

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Body())["code"]!.GetValue<string>().ShouldBe("readLogUnavailable");
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("\"name\"");
        (await sales.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Entries($"customerId={id}")).Count.ShouldBe(1);
        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_reads_are_all_logged_and_the_chain_holds()
    {
        var id = await NewCustomerOfEastSales1();
        var clients = await Task.WhenAll(new[] { "east.sales1", "east.manager", "gm", "deputy" }.Select(As));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % clients.Length].GetAsync($"/api/v1/customers/{id}")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var log = await Log($"customerId={id}");
        log["total"]!.GetValue<int>().ShouldBe(40);
        var ids = log["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        ids.Distinct().Count().ShouldBe(40);
        var verify = await Verify();
        verify["intact"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
        verify["entriesChecked"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(ids.Max());
    }
}

public sealed class ReadLogTests(SqliteApiFixture fixture) : ReadLogTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ReadLogTestsOnSqlServer(SqlServerApiFixture fixture) : ReadLogTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
