using System.Diagnostics;
using System.Text.Json;
using Crm.Benchmarks.Load;

namespace Crm.Benchmarks.Rate;

/// <summary>
/// Times one rating run over the whole database through the real API: POST the run, poll its progress, stop the
/// clock when evaluation is done (status Reviewing or Completed). The figure includes queueing, the background
/// job's reads of customers and twelve months of facts, evaluation, and committing the change list. With --approve true
/// it then times approving every change in one request (grades, grade history and one customer.graded outbox event per
/// change, in chunks): that changes the database's grades for good.
/// </summary>
internal static class RatingRunBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var scheme = options.Text("scheme", "manufacturer");
        var user = options.Text("user", "marketing1");
        var keep = options.Text("keep", "false") == "true";
        var approve = options.Text("approve", "false") == "true";
        var password = options.Text("password", "Crm@demo2026");
        options.RejectUnknown();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
            throw new UsageException($"'{url}' is not a loopback http(s) URL: only this machine may be benchmarked.");

        // Approving a whole company's run is one long request.
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = approve ? TimeSpan.FromMinutes(30) : TimeSpan.FromSeconds(60) };
        var session = new ApiSession(http, user, password);
        await session.AuthorizationAsync(CancellationToken.None);

        var clock = Stopwatch.StartNew();
        long runId;
        using (var started = await session.PostJsonAsync("/api/v1/grading/runs", new { scheme }, CancellationToken.None))
            runId = started.RootElement.GetProperty("id").GetInt64();
        Console.WriteLine($"rating run {runId} ({scheme}) started as {user}");

        JsonElement run;
        var lastLine = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(Poll);
            using var document = await session.GetJsonAsync($"/api/v1/grading/runs/{runId}", CancellationToken.None);
            run = document.RootElement.Clone();
            var status = run.GetProperty("status").GetString();
            if (clock.Elapsed - lastLine >= TimeSpan.FromSeconds(5) || status is not ("Queued" or "Running"))
            {
                lastLine = clock.Elapsed;
                var eta = run.GetProperty("etaSeconds").ValueKind == JsonValueKind.Number ? $", ETA {run.GetProperty("etaSeconds").GetInt32()} s" : "";
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {status,-9} {run.GetProperty("done").GetInt32(),10:N0} / {run.GetProperty("total").GetInt32():N0}" +
                                  $" ({run.GetProperty("percent").GetDecimal()} %){eta}");
            }
            if (status is not ("Queued" or "Running"))
                break;
            if (clock.Elapsed > GiveUpAfter)
            {
                Console.Error.WriteLine($"gave up after {GiveUpAfter.TotalMinutes} minutes");
                return 1;
            }
        }
        var elapsed = clock.Elapsed;
        var counts = run.GetProperty("counts");
        var total = run.GetProperty("total").GetInt32();
        Console.WriteLine();
        Console.WriteLine($"| rating run | customers | wall time | customers/s | changes | unchanged | overridden |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| {scheme} | {total:N0} | {elapsed.TotalSeconds:F1} s | {total / elapsed.TotalSeconds:N0} | {counts.GetProperty("changes").GetInt32():N0} | " +
                          $"{counts.GetProperty("unchanged").GetInt32():N0} | {counts.GetProperty("overridden").GetInt32():N0} |");

        if (approve && run.GetProperty("status").GetString() == "Reviewing")
        {
            var approving = Stopwatch.StartNew();
            using var decided = await session.PostJsonAsync($"/api/v1/grading/runs/{runId}/decisions", new { decision = "Approve", all = true, includeOverridden = false },
                CancellationToken.None);
            approving.Stop();
            var report = decided.RootElement;
            var approved = report.GetProperty("approved").GetInt32();
            Console.WriteLine();
            Console.WriteLine("| approval | approved | stale | wall time | changes/s |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| all, one request | {approved:N0} | {report.GetProperty("stale").GetInt32():N0} | {approving.Elapsed.TotalSeconds:F1} s | " +
                              $"{approved / Math.Max(approving.Elapsed.TotalSeconds, 0.001):N0} |");
            Console.WriteLine($"run {runId}: {report.GetProperty("run").GetProperty("status").GetString()}; the database's grades now follow it");
            return 0;
        }
        if (!keep && run.GetProperty("status").GetString() == "Reviewing")
        {
            using var _ = await session.PostJsonAsync($"/api/v1/grading/runs/{runId}/cancel", new { }, CancellationToken.None);
            Console.WriteLine($"run {runId} cancelled (pass --keep true to leave it under review)");
        }
        return run.GetProperty("status").GetString() is "Reviewing" or "Completed" ? 0 : 1;
    }
}
