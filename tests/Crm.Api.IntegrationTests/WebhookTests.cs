using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 6: signed webhooks from a transactional outbox, to a receiver inside the test on 127.0.0.1.</summary>
public abstract class WebhookTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    public static IEnumerable<KeyValuePair<string, string?>> FastDispatch() =>
    [
        new("Webhooks:AllowPrivateTargets", "true"),
        new("Webhooks:PollInterval", "00:00:00.050"),
        new("Webhooks:FirstRetryDelay", "00:00:00.100"),
        new("Webhooks:MaxRetryDelay", "00:00:00.400"),
        new("Webhooks:MaxAttempts", "4"),
    ];

    private static async Task<(long Id, string Secret)> Subscribe(HttpClient client, string url, params string[] eventTypes)
    {
        var response = await client.PostJson("/api/v1/webhooks/subscriptions", new { url, eventTypes, description = "测试接收端" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Body();
        return (body["subscription"]!["id"]!.GetValue<long>(), body["secret"]!.GetValue<string>());
    }

    private static long CustomerOf(ReceivedWebhook webhook) => JsonNode.Parse(webhook.Body)!["data"]!["customerId"]!.GetValue<long>();

    private static async Task<JsonArray> Deliveries(HttpClient client, long subscriptionId, string? status = null)
    {
        var response = await client.GetAsync($"/api/v1/webhooks/subscriptions/{subscriptionId}/deliveries?pageSize=100{(status is null ? "" : "&status=" + status)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Body())["items"]!.AsArray();
    }

    private static async Task<JsonArray> WaitForDeliveries(HttpClient client, long subscriptionId, Func<JsonArray, bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        var deliveries = await Deliveries(client, subscriptionId);
        while (!condition(deliveries) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            deliveries = await Deliveries(client, subscriptionId);
        }
        return deliveries;
    }

    [Fact]
    public async Task A_created_customer_is_posted_once_with_a_valid_signature_and_its_event_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        var (subscription, secret) = await Subscribe(admin, receiver.BaseUrl + "/created", "customer.created", "customer.graded");

        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("推送"))))["id"]!.GetValue<long>();

        var received = (await receiver.WaitFor(r => r.Any(w => w.Path == "/created" && CustomerOf(w) == id))).Where(w => w.Path == "/created" && CustomerOf(w) == id).ToList();
        var webhook = received.ShouldHaveSingleItem();
        webhook.EventType.ShouldBe("customer.created");
        WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, secret).ShouldBeTrue(webhook.Signature);
        WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body + " ", secret).ShouldBeFalse();
        WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, secret + "x").ShouldBeFalse();
        var t = long.Parse(webhook.Signature.Split(',')[0]["t=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeSeconds(t).ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var body = JsonNode.Parse(webhook.Body)!;
        body["id"]!.GetValue<string>().ShouldBe(webhook.EventId);
        body["type"]!.GetValue<string>().ShouldBe("customer.created");
        body["data"]!["name"]!.GetValue<string>().ShouldContain("推送");

        // Not subscribed: an update is not sent here. The log shows one delivered attempt with the event's id.
        var log = await WaitForDeliveries(admin, subscription, d => d.Any(x => x!["eventId"]!.GetValue<string>() == webhook.EventId
                                                                              && x["status"]!.GetValue<string>() == "Delivered"));
        var entry = log.Single(x => x!["eventId"]!.GetValue<string>() == webhook.EventId)!;
        (entry["attempts"]!.GetValue<int>(), entry["lastStatusCode"]!.GetValue<int>()).ShouldBe((1, 200));
        log.ShouldAllBe(x => x!["eventType"]!.GetValue<string>() != "customer.updated");
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_with_backoff_then_given_up_and_a_manual_redelivery_sends_the_same_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        var (subscription, secret) = await Subscribe(admin, receiver.BaseUrl + "/flaky", "customer.created");
        var failuresLeft = 2;
        receiver.Respond = w => w.Path == "/flaky" && Interlocked.Decrement(ref failuresLeft) >= 0 ? 503 : 200;

        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("重试"))))["id"]!.GetValue<long>();
        var attempts = (await receiver.WaitFor(r => r.Count(w => w.Path == "/flaky" && CustomerOf(w) == id) >= 3))
            .Where(w => w.Path == "/flaky" && CustomerOf(w) == id).ToList();
        attempts.Count.ShouldBe(3);
        attempts.Select(a => a.EventId).Distinct().ShouldHaveSingleItem();
        attempts.ShouldAllBe(a => WebhookReceiver.SignatureIsValid(a.Signature, a.Body, secret));
        // Backoff: 100 ms after the first failure, 200 ms after the second.
        (attempts[1].At - attempts[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(90));
        (attempts[2].At - attempts[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
        var log = await WaitForDeliveries(admin, subscription, d => d.Any(x => x!["eventId"]!.GetValue<string>() == attempts[0].EventId
                                                                              && x["status"]!.GetValue<string>() == "Delivered"));
        log.Single(x => x!["eventId"]!.GetValue<string>() == attempts[0].EventId)!["attempts"]!.GetValue<int>().ShouldBe(3);

        // A receiver that keeps failing: four attempts (Webhooks:MaxAttempts), then Failed with the last status.
        receiver.Respond = w => w.Path == "/flaky" ? 500 : 200;
        var second = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("失败"))))["id"]!.GetValue<long>();
        log = await WaitForDeliveries(admin, subscription, d => d.Any(x => x!["status"]!.GetValue<string>() == "Failed"));
        var failed = log.Single(x => x!["status"]!.GetValue<string>() == "Failed")!;
        (failed["attempts"]!.GetValue<int>(), failed["lastStatusCode"]!.GetValue<int>(), failed["nextAttemptAt"]).ShouldBe((4, 500, null));
        receiver.Received.Count(w => w.Path == "/flaky" && CustomerOf(w) == second).ShouldBe(4);

        receiver.Respond = _ => 200;
        var redeliver = await admin.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries/{failed["id"]}/redeliver", null);
        redeliver.StatusCode.ShouldBe(HttpStatusCode.Accepted, await redeliver.Content.ReadAsStringAsync());
        var resent = (await receiver.WaitFor(r => r.Count(w => w.Path == "/flaky" && CustomerOf(w) == second) >= 5))
            .Where(w => w.Path == "/flaky" && CustomerOf(w) == second).ToList();
        resent.Count.ShouldBe(5);
        resent.Select(a => a.EventId).Distinct().ShouldHaveSingleItem();
        (await WaitForDeliveries(admin, subscription, d => d.Single(x => x!["id"]!.GetValue<long>() == failed["id"]!.GetValue<long>())!["status"]!
            .GetValue<string>() == "Delivered")).ShouldNotBeEmpty();
        (await admin.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries/{failed["id"]}/redeliver", null)).StatusCode
            .ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_count_as_failures()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        var (subscription, _) = await Subscribe(admin, receiver.BaseUrl + "/redirect", "customer.created");
        var sales = await Api.As("east.sales1");
        await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("跳转")));

        var log = await WaitForDeliveries(admin, subscription, d => d.Any(x => x!["attempts"]!.GetValue<int>() >= 1));
        var entry = log.First(x => x!["attempts"]!.GetValue<int>() >= 1)!;
        entry["lastStatusCode"]!.GetValue<int>().ShouldBe(302);
        entry["lastError"]!.GetValue<string>().ShouldContain("redirect");
        receiver.Received.ShouldNotContain(w => w.Path == "/target");
    }

    [Fact]
    public async Task A_client_hears_only_of_customers_its_data_scope_reaches_and_others_cannot_see_its_subscriptions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        var south = await admin.UnitId("SOUTH");
        var client = await Api.CreateApiClient("华南 ERP", ["customers:read", "webhooks:manage"], "UnitSubtree", south);
        var erp = await Api.AsApiClient(client);
        var (subscription, _) = await Subscribe(erp, receiver.BaseUrl + "/south", "customer.created", "customer.updated");

        var eastCustomer = (await (await Api.As("east.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("华东推送"))))["id"]!.GetValue<long>();
        var southCustomer = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("华南推送"), b => b["region"] = "广州")))["id"]!
            .GetValue<long>();

        await receiver.WaitFor(r => r.Any(w => w.Path == "/south" && CustomerOf(w) == southCustomer));
        // The east one was committed first: once the south one has arrived, the east one has been decided on.
        await Task.Delay(300);
        receiver.Received.Where(w => w.Path == "/south").Select(CustomerOf).ShouldContain(southCustomer);
        receiver.Received.Where(w => w.Path == "/south").Select(CustomerOf).ShouldNotContain(eastCustomer);

        // The client lists its own subscription, in pages (newest first, at most 100 a page).
        var own = JsonNode.Parse(await erp.GetStringAsync("/api/v1/webhooks/subscriptions?pageSize=1"))!;
        (own["total"]!.GetValue<int>(), own["items"]![0]!["id"]!.GetValue<long>()).ShouldBe((1, subscription));
        (await erp.GetAsync("/api/v1/webhooks/subscriptions?page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Subscriptions are their owner's: the admin neither lists nor reads this one; a salesperson has no right to webhooks.
        (await admin.GetStringAsync("/api/v1/webhooks/subscriptions?pageSize=100")).ShouldNotContain("/south");
        (await admin.GetAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/webhooks/subscriptions/{subscription}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await erp.GetAsync($"/api/v1/webhooks/subscriptions/{subscription}");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mineBody = await mine.Content.ReadAsStringAsync();
        mineBody.ShouldContain("/south");
        mineBody.ShouldNotContain("secret", Case.Insensitive);
        var sales = await Api.As("east.sales1");
        (await sales.GetAsync("/api/v1/webhooks/subscriptions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.PostJson("/api/v1/webhooks/subscriptions", new { url = receiver.BaseUrl, eventTypes = new[] { "customer.created" } })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        // Deactivated: nothing more is sent.
        (await erp.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var later = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("停用后"), b => b["region"] = "广州")))["id"]!
            .GetValue<long>();
        await Task.Delay(500);
        receiver.Received.Where(w => w.Path == "/south").Select(CustomerOf).ShouldNotContain(later);
    }

    [Fact]
    public async Task A_rejected_change_raises_no_event_and_an_override_raises_customer_graded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        await Subscribe(admin, receiver.BaseUrl + "/changes", "customer.updated", "customer.graded");
        var sales = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("事务"));
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();

        body["name"] = "";
        var current = await sales.GetAsync($"/api/v1/customers/{id}");
        (await sales.PutJson($"/api/v1/customers/{id}", body, current.Headers.ETag!.ToString())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body["name"] = TestData.UniqueName("改名");
        (await sales.PutJson($"/api/v1/customers/{id}", body, "\"999\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var gm = await Api.As("gm");
        var overridden = await gm.PostJson($"/api/v1/customers/{id}/grade-override", new { grade = "A", reason = "集团战略客户" });
        overridden.StatusCode.ShouldBe(HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync());

        // Both events of the override are sent independently (in parallel): wait for the two.
        var received = (await receiver.WaitFor(r => r.Any(w => w.Path == "/changes" && w.EventType == "customer.graded" && CustomerOf(w) == id)
                                                    && r.Any(w => w.Path == "/changes" && w.EventType == "customer.updated" && CustomerOf(w) == id)))
            .Where(w => w.Path == "/changes" && CustomerOf(w) == id).ToList();
        var graded = received.Single(w => w.EventType == "customer.graded");
        var data = JsonNode.Parse(graded.Body)!["data"]!;
        (data["from"]!.GetValue<string>(), data["to"]!.GetValue<string>(), data["overridden"]!.GetValue<bool>()).ShouldBe(("B", "A", true));
        // The override is the only change that committed: one update and one grading, nothing from the two refused writes.
        await Task.Delay(300);
        receiver.Received.Count(w => w.Path == "/changes" && CustomerOf(w) == id && w.EventType == "customer.updated").ShouldBe(1);
    }

    [Fact]
    public async Task An_overdue_filing_is_announced_once_with_its_first_reminder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await Api.As("admin");
        var (_, secret) = await Subscribe(admin, receiver.BaseUrl + "/overdue", "filing.overdue");
        var sales = await Api.As("east.sales1");
        // First contact in January: the filing was due long ago.
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("逾期"), b => b["firstContactOn"] = "2026-01-05")))["id"]!.GetValue<long>();

        var pass = Api.Factory.Services.GetRequiredService<ReminderPass>();
        await pass.RunOnceAsync(CancellationToken.None);
        await pass.RunOnceAsync(CancellationToken.None);

        var received = (await receiver.WaitFor(r => r.Any(w => w.Path == "/overdue" && CustomerOf(w) == id))).Where(w => w.Path == "/overdue" && CustomerOf(w) == id)
            .ToList();
        await Task.Delay(300);
        var webhook = received.ShouldHaveSingleItem();
        WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, secret).ShouldBeTrue();
        var data = JsonNode.Parse(webhook.Body)!["data"]!;
        (data["kind"]!.GetValue<string>(), data["dueOn"]!.GetValue<string>()).ShouldBe(("Filing", "2026-01-12"));
        receiver.Received.Count(w => w.Path == "/overdue" && CustomerOf(w) == id).ShouldBe(1);
    }

    [Fact]
    public async Task A_closed_kpi_period_is_announced_only_to_subscribers_who_may_read_the_ledger()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The administrator manages webhooks but not KPI: it hears nothing of the close.
        await Subscribe(await Api.As("admin"), receiver.BaseUrl + "/admin", "kpi.period.closed");
        var finance = await Api.AsApiClient(await Api.CreateApiClient("财务系统", ["kpi:manage", "webhooks:manage"]));
        var (_, secret) = await Subscribe(finance, receiver.BaseUrl + "/finance", "kpi.period.closed");
        // A unit manager who keeps their unit's KPI: the close announces company totals, so they hear nothing of it either.
        await using var unitKpi = await (await Api.As("admin")).GrantExtraRole("east.manager", ("kpi.manage", "UnitSubtree"), ("integration.webhooks", "All"));
        await Subscribe(await Api.As("east.manager"), receiver.BaseUrl + "/unit", "kpi.period.closed");

        var marketing = await Api.As("marketing1");
        (await marketing.PostAsync("/api/v1/kpi/periods/2025-12/run", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var close = await marketing.PostAsync("/api/v1/kpi/periods/2025-12/close", null);
        close.StatusCode.ShouldBe(HttpStatusCode.OK, await close.Content.ReadAsStringAsync());
        var closed = await close.Body();
        (await marketing.PostAsync("/api/v1/kpi/periods/2025-12/close", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var webhook = (await receiver.WaitFor(r => r.Any(w => w.Path == "/finance"))).Single(w => w.Path == "/finance");
        WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, secret).ShouldBeTrue();
        webhook.EventType.ShouldBe("kpi.period.closed");
        var data = JsonNode.Parse(webhook.Body)!["data"]!;
        data["month"]!.GetValue<string>().ShouldBe("2025-12");
        data["entries"]!.GetValue<int>().ShouldBe(closed["entries"]!.GetValue<int>());
        data["unitAmount"]!.GetValue<decimal>().ShouldBe(closed["amount"]!.GetValue<decimal>());

        // The refused second close raised nothing; the receiver reads the closed ledger with the same client.
        await Task.Delay(300);
        receiver.Received.Count(w => w.Path == "/finance").ShouldBe(1);
        receiver.Received.ShouldNotContain(w => w.Path == "/admin");
        receiver.Received.ShouldNotContain(w => w.Path == "/unit");
        var ledger = await finance.GetAsync("/api/v1/kpi/periods/2025-12");
        ledger.StatusCode.ShouldBe(HttpStatusCode.OK, await ledger.Content.ReadAsStringAsync());
        (await ledger.Body())["period"]!["status"]!.GetValue<string>().ShouldBe("Closed");
    }

    [Fact]
    public async Task Target_urls_must_be_absolute_http_and_event_types_known()
    {
        var admin = await Api.As("admin");
        foreach (var (url, types, field) in new[]
                 {
                     ("ftp://example.com/x", new[] { "customer.created" }, "url"), ("not a url", ["customer.created"], "url"),
                     ("https://user:pw@example.com/x", ["customer.created"], "url"), ("https://example.com/x", ["customer.deleted"], "eventTypes[0]"),
                     ("https://example.com/x", [], "eventTypes"),
                 })
        {
            var response = await admin.PostJson("/api/v1/webhooks/subscriptions", new { url, eventTypes = types });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.Body())["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, url);
        }
        var catalogue = JsonNode.Parse(await admin.GetStringAsync("/api/v1/webhooks/event-types"))!.AsArray().Select(t => t!["type"]!.GetValue<string>());
        catalogue.ShouldBe(["customer.created", "customer.updated", "customer.graded", "access.granted", "filing.overdue", "changeReport.overdue", "kpi.period.closed"]);
    }
}

public sealed class WebhookTests(WebhookTests.Fixture fixture) : WebhookTestsBase(fixture), IClassFixture<WebhookTests.Fixture>
{
    public sealed class Fixture : SqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => FastDispatch();
    }
}

public sealed class WebhookTestsOnSqlServer(WebhookTestsOnSqlServer.Fixture fixture) : WebhookTestsBase(fixture), IClassFixture<WebhookTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : SqlServerApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => WebhookTestsBase.FastDispatch();
    }
}
