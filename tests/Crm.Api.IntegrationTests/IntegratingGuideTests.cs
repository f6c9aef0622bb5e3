using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Api.Features.Auth;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Crm.Api.IntegrationTests;

/// <summary>The API on a real 127.0.0.1 port (Kestrel), so that curl in a shell can reach it.</summary>
public sealed class ListeningApiFixture : IAsyncLifetime
{
    private string? _folder;
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseUrls($"http://127.0.0.1:{port}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "crm.db")}");
            builder.UseSetting("Jwt:SigningKey", ApiFixture.TestSigningKey);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("DemoData:Customers", "20");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(WebhookTestsBase.FastDispatch()));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine($"[ListeningApiFixture] listening on {string.Join(", ", addresses)}");
        BaseUrl = $"http://127.0.0.1:{port}";
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<string> SignIn(string username)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(BaseUrl + "/api/v1/auth/token", new { username, password = ApiFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!.AccessToken;
    }

    public async Task<HttpClient> As(string username) => new()
    {
        BaseAddress = new Uri(BaseUrl),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", await SignIn(username)) },
    };

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// Issue 9 point 7: the README's "Integrating" guide is run as written. Its <c>#### Step N</c> sh blocks are taken from
/// README.md at run time and run one after another with <c>bash -euo pipefail</c> against the listening API; the shell
/// variables a step sets are handed to the next steps as environment variables.
/// </summary>
public sealed partial class IntegratingGuideTests(ListeningApiFixture api) : IClassFixture<ListeningApiFixture>
{
    private const string GuideCreditCode = "91310115MA1K3YJ12G";
    private static readonly string[] Carried = ["CLIENT_ID", "CLIENT_SECRET", "TOKEN", "IMPORT_ID", "SUBSCRIPTION_ID", "WEBHOOK_SECRET", "CURSOR"];

    private sealed record Run(int ExitCode, string Stdout, string Stderr, Dictionary<string, string> Variables);

    [Fact]
    public async Task The_README_guide_runs_as_written_against_a_listening_API()
    {
        var missing = new[] { "bash", "curl" }.Where(tool => !OnPath(tool)).ToList();
        if (missing.Count > 0)
            Assert.Skip($"SKIPPED LOUDLY: {string.Join(", ", missing)} not installed; the README's Integrating guide cannot be run here (.ci/run installs them).");

        var steps = GuideSteps();
        steps.Keys.Order().ShouldBe([1, 2, 3, 4, 5, 6]);
        using var work = new TempFolder();
        await using var receiver = await WebhookReceiver.StartAsync();
        var sales = await api.As("east.sales1");
        var known = await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("指南"), c => c["creditCode"] = GuideCreditCode));
        var env = new Dictionary<string, string>
        {
            ["CRM"] = api.BaseUrl,
            ["ADMIN_TOKEN"] = await api.SignIn("admin"),
            ["HOOK_URL"] = receiver.BaseUrl + "/erp/crm-events",
        };

        var step1 = await RunStep(steps[1], env, work.Path);
        step1.Stdout.ShouldContain("\"clientSecret\":\"crs_");
        step1.Variables["CLIENT_ID"].ShouldStartWith("crm_");
        step1.Variables["CLIENT_SECRET"].ShouldStartWith("crs_");

        var step2 = await RunStep(steps[2], env, work.Path);
        step2.Variables["TOKEN"].ShouldStartWith("eyJ");

        var step3 = await RunStep(steps[3], env, work.Path);
        step3.Stdout.ShouldContain("""{"status":"Succeeded","total":2,"created":2,"updated":0,"failed":0}""");
        step3.Stdout.ShouldContain("[]");
        var facts = await (await sales.GetAsync($"/api/v1/customers/{known["id"]}/facts")).Content.ReadAsStringAsync();
        facts.ShouldContain("98000.5");
        // A retry with the same Idempotency-Key replays the first answer: the same import, nothing imported twice.
        var importId = step3.Variables["IMPORT_ID"];
        var retry = await RunStep(steps[3], env, work.Path);
        retry.Variables["IMPORT_ID"].ShouldBe(importId);

        var step4 = await RunStep(steps[4], env, work.Path);
        long.Parse(step4.Variables["SUBSCRIPTION_ID"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var secret = step4.Variables["WEBHOOK_SECRET"];
        secret.ShouldNotBeNullOrWhiteSpace();

        var created = await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("推送指南")));
        var createdId = created["id"]!.GetValue<long>();
        var delivery = (await receiver.WaitFor(r => r.Any(w => IsCreationOf(w, createdId)))).Where(w => IsCreationOf(w, createdId)).ShouldHaveSingleItem();

        var receiverEnv = new Dictionary<string, string>
        {
            ["signature"] = delivery.Signature,
            ["t"] = delivery.Signature.Split(',')[0]["t=".Length..],
            ["body"] = delivery.Body,
            ["secret"] = secret,
        };
        var verified = await RunStep(steps[5], receiverEnv, work.Path, carry: false);
        verified.ExitCode.ShouldBe(0, verified.Stderr);
        verified.Stdout.Trim().ShouldBe("signature ok");
        delivery.Body.ShouldContain("customer.created");
        var tampered = await RunStep(steps[5], new(receiverEnv) { ["body"] = delivery.Body.Replace("customer.created", "customer.deleted", StringComparison.Ordinal) },
            work.Path, carry: false, mustSucceed: false);
        tampered.ExitCode.ShouldNotBe(0);
        tampered.Stdout.ShouldNotContain("signature ok");
        tampered.Stderr.ShouldContain("signature invalid");
        var wrongSecret = await RunStep(steps[5], new(receiverEnv) { ["secret"] = secret + "x" }, work.Path, carry: false, mustSucceed: false);
        wrongSecret.ExitCode.ShouldNotBe(0);

        var step6 = await RunStep(steps[6], env, work.Path);
        var mirrored = step6.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        mirrored.Select(c => c["id"]!.GetValue<long>()).ShouldContain(known["id"]!.GetValue<long>());
        mirrored.Select(c => c["id"]!.GetValue<long>()).ShouldContain(createdId);
        mirrored.ShouldAllBe(c => c["code"] != null && c["changeSeq"] != null);
        step6.Variables["CURSOR"].ShouldNotBeNullOrWhiteSpace();

        // Again with the saved cursor: only what changed since, here the customer archived in between (a tombstone).
        var edit = await (await api.As("gm")).PostAsync($"/api/v1/customers/{createdId}/archive", null);
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var again = await RunStep(steps[6], env, work.Path);
        var changed = again.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        changed.Select(c => c["id"]!.GetValue<long>()).ShouldNotContain(known["id"]!.GetValue<long>());
        changed.ShouldContain(c => c["id"]!.GetValue<long>() == createdId && c["deleted"]!.GetValue<bool>());
    }

    private static bool IsCreationOf(ReceivedWebhook webhook, long customerId) =>
        webhook.Path == "/erp/crm-events" && webhook.EventType == "customer.created"
        && JsonNode.Parse(webhook.Body)!["data"]!["customerId"]!.GetValue<long>() == customerId;

    /// <summary>The sh block directly under each "#### Step N" heading of the README's "### Integrating" section.</summary>
    private static Dictionary<int, string> GuideSteps()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n### Integrating\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "README.md has no \"### Integrating\" section");
        var end = readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return StepBlock().Matches(section).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);
    }

    [GeneratedRegex(@"^#### Step (\d+)\b[^\n]*\n(?:(?!#### |```)[^\n]*\n)*```sh\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex StepBlock();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                return dir.FullName;
        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }

    private static async Task<Run> RunStep(string block, Dictionary<string, string> env, string workDir, bool carry = true, bool mustSucceed = true)
    {
        var trailer = string.Concat(Carried.Select(name => $"printf '\\n__VAR__ %s=%s\\n' {name} \"${{{name}-}}\"\n"));
        var script = Path.Combine(workDir, "step.sh");
        await File.WriteAllTextAsync(script, block + (carry ? trailer : ""));
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", script])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in env)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var (output, errors) = (await stdout, await stderr);
        if (mustSucceed)
            process.ExitCode.ShouldBe(0, $"step failed:\n{block}\n--- stdout\n{output}\n--- stderr\n{errors}");

        var variables = new Dictionary<string, string>();
        var lines = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("__VAR__ ", StringComparison.Ordinal))
            {
                var (name, value) = (line[8..].Split('=', 2)[0], line[8..].Split('=', 2)[1]);
                variables[name] = value;
                if (value.Length > 0)
                    env[name] = value;
            }
            else if (line.Length > 0)
                lines.Add(line);
        }
        return new Run(process.ExitCode, string.Join('\n', lines), errors, variables);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("crm-guide-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
