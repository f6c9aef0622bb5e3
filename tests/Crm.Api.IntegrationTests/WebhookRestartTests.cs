using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Crm.Api.IntegrationTests;

/// <summary>
/// Issue 9 point 6 across process lifetimes: API instances started and stopped one after the other, and side by side, on one
/// SQLite database, with the receiver on 127.0.0.1.
/// </summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    private WebApplicationFactory<Program> Instance(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "crm.db")}");
            builder.UseSetting("Jwt:SigningKey", ApiFixture.TestSigningKey);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("DemoData:Customers", "0");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(WebhookTestsBase.FastDispatch())
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));
        });

    private static async Task<HttpClient> As(WebApplicationFactory<Program> instance, string username)
    {
        var client = instance.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static long CustomerOf(ReceivedWebhook webhook) => JsonNode.Parse(webhook.Body)!["data"]!["customerId"]!.GetValue<long>();

    private static async Task<long> Create(HttpClient sales, string stem) =>
        (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName(stem))))["id"]!.GetValue<long>();

    [Fact]
    public async Task An_event_waiting_at_shutdown_is_sent_after_the_restart_and_a_delivered_one_is_never_sent_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Enough attempts that the retries outlive the first instance; a short timeout so an attempt cut off by the shutdown frees its lease soon.
        (string, string)[] settings = [("Webhooks:MaxAttempts", "20"), ("Webhooks:Timeout", "00:00:01")];
        long delivered, waiting;
        await using (var first = Instance(settings))
        {
            var admin = await As(first, "admin");
            (await admin.PostJson("/api/v1/webhooks/subscriptions", new { url = receiver.BaseUrl + "/erp", eventTypes = new[] { "customer.created" } }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            var sales = await As(first, "east.sales1");
            delivered = await Create(sales, "重启前");
            (await receiver.WaitFor(r => r.Any(w => CustomerOf(w) == delivered))).Count(w => CustomerOf(w) == delivered).ShouldBe(1);

            // The receiver is down when the next one happens: its delivery is waiting for a retry when the instance stops.
            receiver.Respond = _ => 503;
            waiting = await Create(sales, "重启中");
            (await receiver.WaitFor(r => r.Any(w => CustomerOf(w) == waiting))).ShouldContain(w => CustomerOf(w) == waiting);
        }

        var failedAttempts = receiver.Received.Count(w => CustomerOf(w) == waiting);
        receiver.Respond = _ => 200;
        await using (var second = Instance(settings))
        {
            var admin = await As(second, "admin");
            var sent = await receiver.WaitFor(r => r.Count(w => CustomerOf(w) == waiting) > failedAttempts);
            sent.Count(w => CustomerOf(w) == waiting).ShouldBe(failedAttempts + 1);
            sent.Where(w => CustomerOf(w) == waiting).Select(w => w.EventId).Distinct().ShouldHaveSingleItem();

            var subscription = JsonNode.Parse(await admin.GetStringAsync("/api/v1/webhooks/subscriptions"))!["items"]!.AsArray().Single()!["id"]!.GetValue<long>();
            await Task.Delay(500);
            var log = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries"))!["items"]!.AsArray();
            log.Select(d => d!["status"]!.GetValue<string>()).ShouldAllBe(s => s == "Delivered");
        }
        receiver.Received.Count(w => CustomerOf(w) == delivered).ShouldBe(1);
        receiver.Received.Count(w => CustomerOf(w) == waiting).ShouldBe(failedAttempts + 1);
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var one = Instance();
        await using var two = Instance();
        var admin = await As(one, "admin");
        (await admin.PostJson("/api/v1/webhooks/subscriptions", new { url = receiver.BaseUrl + "/both", eventTypes = new[] { "customer.created" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        _ = two.Server;

        var ids = new List<long>();
        var salesOne = await As(one, "east.sales1");
        var salesTwo = await As(two, "east.sales2");
        for (var i = 0; i < 10; i++)
            ids.Add(await Create(i % 2 == 0 ? salesOne : salesTwo, "双实例"));

        var received = await receiver.WaitFor(r => ids.All(id => r.Any(w => CustomerOf(w) == id)));
        await Task.Delay(500);
        foreach (var id in ids)
            receiver.Received.Count(w => CustomerOf(w) == id).ShouldBe(1, $"customer {id}");
        received.Select(w => w.EventId).Distinct().Count().ShouldBe(received.Count);
    }

    [Fact]
    public async Task Without_the_admin_setting_loopback_private_and_link_local_targets_are_refused()
    {
        await using var instance = Instance(("Webhooks:AllowPrivateTargets", "false"));
        var admin = await As(instance, "admin");
        foreach (var url in new[]
                 {
                     "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook", "http://192.168.1.10/hook", "http://172.16.0.5/hook",
                     "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                 })
        {
            var response = await admin.PostJson("/api/v1/webhooks/subscriptions", new { url, eventTypes = new[] { "customer.created" } });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.Body())["errors"]!["url"]![0]!.GetValue<string>().ShouldContain("内网", Case.Sensitive, url);
        }
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
