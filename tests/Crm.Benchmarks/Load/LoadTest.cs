using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crm.Api.Data.DemoData;

namespace Crm.Benchmarks.Load;

/// <summary>
/// Closed-loop load test: K clients each send the next request as soon as the previous one has answered, for a
/// fixed time, per scenario and role. Latency is measured per request around the full response.
/// </summary>
internal static class LoadTest
{
    private const int ExitUnreachable = 2;
    private const int ExitSetupFailed = 3;
    private const int ExitSomeRequestsFailed = 1;
    private const int PagesOfIdsToSample = 10;

    private sealed record Role(string Name, ApiSession Session, IReadOnlyList<long> FilterUnitIds, IReadOnlyList<long> CustomerIds, int VisibleTotal, bool TotalIsCapped);

    private sealed record Scenario(string Name, Func<Role, long, string?> PathFor);

    private sealed record Measurement(string Scenario, string Role, long Requests, long Errors, double Seconds, double[] SortedLatenciesMs)
    {
        public double RequestsPerSecond => Requests / Seconds;

        /// <summary>Nearest-rank percentile.</summary>
        public double Percentile(double p) =>
            SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];
    }

    public static async Task<int> RunAsync(CommandLine options)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var clients = options.Number("clients", 16, 1, 1024);
        var duration = TimeSpan.FromSeconds(options.Number("duration", 30, 1, 3600));
        var warmup = TimeSpan.FromSeconds(options.Number("warmup", 5, 0, 600));
        var password = options.Text("password", "Crm@demo2026");
        var only = options.Text("scenarios", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        options.RejectUnknown();

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new UsageException($"'{url}' is not an http(s) URL.");
        // A load test is a denial of service to anyone else's server: only this machine may be the target.
        if (!baseUri.IsLoopback)
            throw new UsageException($"Refusing to load-test '{baseUri.Host}': only localhost / 127.0.0.1 / [::1] are allowed.");

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

        IReadOnlyList<Role> roles;
        try
        {
            using var live = await http.GetAsync("/health/live");
            roles =
            [
                await PrepareRoleAsync("salesperson", new ApiSession(http, "east.sales1", password), salesUnitsOnly: false),
                await PrepareRoleAsync("general manager", new ApiSession(http, "gm", password), salesUnitsOnly: true),
            ];
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"Cannot reach the API at {baseUri}: {e.Message}");
            return ExitUnreachable;
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or KeyNotFoundException or TaskCanceledException)
        {
            Console.Error.WriteLine($"Setting up the load test failed: {e.Message}");
            return ExitSetupFailed;
        }

        var searchTerms = SearchTermsFromVocabulary();
        Scenario[] scenarios =
        [
            new("list", (_, _) => "/api/v1/customers?page=1&pageSize=20"),
            new("filtered", (role, n) => $"/api/v1/customers?grade=A&unitId={role.FilterUnitIds[(int)(n % role.FilterUnitIds.Count)]}&pageSize=20"),
            new("search", (_, n) => $"/api/v1/customers?q={Uri.EscapeDataString(searchTerms[(int)(n % searchTerms.Count)])}&pageSize=20"),
            new("get", (role, n) => role.CustomerIds.Count == 0 ? null : $"/api/v1/customers/{role.CustomerIds[(int)(n % role.CustomerIds.Count)]}"),
            new("board", (role, n) => $"/api/v1/deadline-board?unitId={role.FilterUnitIds[(int)(n % role.FilterUnitIds.Count)]}"),
            new("evaluate", (role, n) => role.CustomerIds.Count == 0 ? null : $"/api/v1/customers/{role.CustomerIds[(int)(n % role.CustomerIds.Count)]}/grade-evaluation"),
        ];
        if (only.Count > 0)
        {
            var unknown = only.Except(scenarios.Select(s => s.Name)).ToList();
            if (unknown.Count > 0)
                throw new UsageException($"Unknown scenario(s): {string.Join(", ", unknown)}; known: {string.Join(", ", scenarios.Select(s => s.Name))}.");
            scenarios = scenarios.Where(s => only.Contains(s.Name)).ToArray();
        }

        Console.WriteLine($"Load test against {baseUri}: {clients} clients, {warmup.TotalSeconds:F0} s warm-up + {duration.TotalSeconds:F0} s per scenario and role");
        foreach (var role in roles)
            Console.WriteLine($"  {role.Name} ({role.Session.Username}): sees {role.VisibleTotal:N0}{(role.TotalIsCapped ? "+" : "")} customers, " +
                              $"{role.CustomerIds.Count} sampled ids, filter units [{string.Join(", ", role.FilterUnitIds)}]");

        var results = new List<Measurement>();
        foreach (var role in roles)
            foreach (var scenario in scenarios)
            {
                if (scenario.PathFor(role, 0) is null)
                {
                    Console.WriteLine($"  skipped {scenario.Name} as {role.Name}: no customer ids visible");
                    continue;
                }
                if (warmup > TimeSpan.Zero)
                    await MeasureAsync(scenario, role, clients, warmup);
                var measurement = await MeasureAsync(scenario, role, clients, duration);
                Console.WriteLine($"  {scenario.Name,-9} {role.Name,-16} {measurement.RequestsPerSecond,8:F1} req/s  p95 {measurement.Percentile(95),7:F1} ms  errors {measurement.Errors}");
                results.Add(measurement);
            }

        Console.WriteLine();
        PrintTable(results);
        Console.WriteLine();
        PrintMarkdown(results);
        return results.Any(r => r.Errors > 0) ? ExitSomeRequestsFailed : 0;
    }

    private static async Task<Role> PrepareRoleAsync(string name, ApiSession session, bool salesUnitsOnly)
    {
        long ownUnitId;
        using (var me = await session.GetJsonAsync("/api/v1/me", CancellationToken.None))
            ownUnitId = me.RootElement.GetProperty("unitId").GetInt64();

        var filterUnits = new List<long>();
        if (salesUnitsOnly)
        {
            using var units = await session.GetJsonAsync("/api/v1/org/units", CancellationToken.None);
            foreach (var unit in units.RootElement.EnumerateArray())
                if (string.Equals(unit.GetProperty("kind").ToString(), "Sales", StringComparison.OrdinalIgnoreCase))
                    filterUnits.Add(unit.GetProperty("id").GetInt64());
        }
        if (filterUnits.Count == 0)
            filterUnits.Add(ownUnitId);

        var ids = new List<long>();
        int total = 0;
        var capped = false;
        for (var page = 1; page <= PagesOfIdsToSample; page++)
        {
            using var list = await session.GetJsonAsync($"/api/v1/customers?page={page}&pageSize=100", CancellationToken.None);
            if (page == 1)
            {
                total = list.RootElement.GetProperty("total").GetInt32();
                capped = list.RootElement.TryGetProperty("totalIsCapped", out var c) && c.GetBoolean();
            }
            var before = ids.Count;
            foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
                ids.Add(item.GetProperty("id").GetInt64());
            if (ids.Count == before)
                break;
        }
        // A fixed shuffle spreads the gets over the sampled pages instead of walking them in list order.
        var shuffled = ids.ToArray();
        new Random(17).Shuffle(shuffled);
        return new Role(name, session, filterUnits, shuffled, total, capped);
    }

    /// <summary>Trade names from the generator's vocabulary, so every search finds a few hundred customers in a 1M database.</summary>
    private static List<string> SearchTermsFromVocabulary()
    {
        var terms = ChineseNames.TradeNames.ToArray();
        new Random(23).Shuffle(terms);
        return ["华信", .. terms.Where(t => t != "华信").Take(63)];
    }

    private static async Task<Measurement> MeasureAsync(Scenario scenario, Role role, int clients, TimeSpan duration)
    {
        long sequence = 0;
        long errors = 0;
        var latencies = new List<double>[clients];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task ClientAsync(int client)
        {
            var mine = latencies[client] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var path = scenario.PathFor(role, Interlocked.Increment(ref sequence))!;
                var sent = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await role.Session.SendAsync(path, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!ok)
                    Interlocked.Increment(ref errors);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Measurement(scenario.Name, role.Name, all.Length, errors, seconds, all);
    }

    private static void PrintTable(IReadOnlyList<Measurement> results)
    {
        Console.WriteLine($"{"scenario",-10}{"role",-17}{"requests",10}{"errors",8}{"req/s",10}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario,-10}{r.Role,-17}{r.Requests,10}{r.Errors,8}{r.RequestsPerSecond,10:F1}{r.Percentile(50),9:F1}{r.Percentile(95),9:F1}{r.Percentile(99),9:F1}"));
    }

    private static void PrintMarkdown(IReadOnlyList<Measurement> results)
    {
        Console.WriteLine("| scenario | role | requests | errors | req/s | p50 (ms) | p95 (ms) | p99 (ms) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Role} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:F1} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} |"));
    }
}
