using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 4: incremental sync of customers and facts by an opaque cursor, with tombstones, while writes go on.</summary>
public abstract class SyncTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static async Task<JsonObject> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    /// <summary>Follows the feed from <paramref name="cursor"/> to its end; returns every item and the cursor to continue from.</summary>
    private static async Task<(List<JsonObject> Items, string Cursor)> Drain(HttpClient client, string feed, string? cursor, int limit = 7)
    {
        var items = new List<JsonObject>();
        while (true)
        {
            var page = await Page(client, $"/api/v1/sync/{feed}?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]!.GetValue<string>();
            if (!page["hasMore"]!.GetValue<bool>())
                return (items, cursor);
        }
    }

    [Fact]
    public async Task A_mirror_gets_every_visible_customer_once_then_only_what_changed_with_archived_ones_as_tombstones()
    {
        var sales = await Api.As("east.sales1");
        var (all, cursor) = await Drain(sales, "customers", null);
        var ids = all.Select(i => i["id"]!.GetValue<long>()).ToList();
        ids.ShouldBeUnique();
        ids.Count.ShouldBe((await Page(sales, "/api/v1/customers?pageSize=1&archived=false"))["total"]!.GetValue<int>()
                           + (await Page(sales, "/api/v1/customers?pageSize=1&archived=true"))["total"]!.GetValue<int>());
        all.Select(i => i["changeSeq"]!.GetValue<long>()).ShouldBeInOrder(SortDirection.Ascending);

        var created = await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("同步")));
        var id = created["id"]!.GetValue<long>();
        var edited = await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("同步改")));
        var editedId = edited["id"]!.GetValue<long>();
        var kp = await sales.PostJson($"/api/v1/customers/{editedId}/key-persons", new { name = "新联系人", level = "KeyStaff" });
        kp.StatusCode.ShouldBe(HttpStatusCode.Created);
        var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/archive").WithIfMatch("\"1\"");
        (await (await Api.As("east.manager")).SendAsync(archive)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (changes, _) = await Drain(sales, "customers", cursor);

        changes.Select(i => i["id"]!.GetValue<long>()).ShouldBe([editedId, id], "each changed customer once, in the order of its last change");
        var tombstone = changes.Single(i => i["id"]!.GetValue<long>() == id);
        (tombstone["deleted"]!.GetValue<bool>(), tombstone["name"]).ShouldBe((true, null));
        tombstone["archivedAt"].ShouldNotBeNull();
        var live = changes.Single(i => i["id"]!.GetValue<long>() == editedId);
        (live["deleted"]!.GetValue<bool>(), live["version"]!.GetValue<int>(), live["name"]!.GetValue<string>()).ShouldBe((false, 2, edited["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Customers_another_department_owns_never_appear_and_a_bad_cursor_is_a_400()
    {
        var east = await Api.As("east.sales1");
        var secret = (await east.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("同步华东"))))["id"]!.GetValue<long>();

        var (south, _) = await Drain(await Api.As("south.sales1"), "customers", null, limit: 100);

        south.Select(i => i["id"]!.GetValue<long>()).ShouldNotContain(secret);
        var bad = await east.GetAsync("/api/v1/sync/customers?cursor=not-a-cursor");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await bad.Body(), "cursor");
        (await east.GetAsync("/api/v1/sync/customers?limit=1001")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Facts_sync_from_a_cursor_and_updated_since_starts_a_feed_at_a_moment()
    {
        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("同步经营"))))["id"]!.GetValue<long>();
        var (_, cursor) = await Drain(sales, "facts", null, limit: 500);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await sales.PutJson($"/api/v1/customers/{id}/facts/2026-01", new { orderAmount = 100m }, null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sales.PutJson($"/api/v1/customers/{id}/facts/2026-02", new { orderAmount = 200m }, null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sales.PutJson($"/api/v1/customers/{id}/facts/2026-01", new { orderAmount = 150m }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (changes, next) = await Drain(sales, "facts", cursor);
        changes.Select(f => (f["customerId"]!.GetValue<long>(), f["fact"]!["month"]!.GetValue<string>(), f["fact"]!["orderAmount"]!.GetValue<decimal>()))
            .ShouldBe([(id, "2026-02", 200m), (id, "2026-01", 150m)]);
        (await Drain(sales, "facts", next)).Items.ShouldBeEmpty("nothing changed since");

        var since = await Page(sales, $"/api/v1/sync/facts?limit=1000&updatedSince={Uri.EscapeDataString(before.ToString("O"))}");
        since["items"]!.AsArray().Select(f => f!["customerId"]!.GetValue<long>()).ShouldAllBe(c => c == id);
    }
}

public sealed class SyncTests(SqliteApiFixture fixture) : SyncTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class SyncTestsOnSqlServer(SqlServerApiFixture fixture) : SyncTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
