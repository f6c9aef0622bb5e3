using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Rating runs poll fast and work in small batches here, so a run over a few customers spans several batches.</summary>
public class ClassificationSqliteFixture : SqliteApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Classification:RunPollInterval", "00:00:00.100"),
        new("Classification:RunBatchSize", "100"),
    ];
}

public class ClassificationSqlServerFixture : SqlServerApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Classification:RunPollInterval", "00:00:00.100"),
        new("Classification:RunBatchSize", "100"),
    ];
}

public abstract class ClassificationTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);

    /// <summary>The twelve whole months before this month: the window every evaluation reads.</summary>
    private static IEnumerable<string> WindowMonths()
    {
        var first = new DateOnly(Today.Year, Today.Month, 1);
        for (var i = 12; i >= 1; i--)
            yield return first.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static async Task<long> NewCustomer(HttpClient client, string tag, Action<Dictionary<string, object?>> tweak) =>
        (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("评级"), b =>
        {
            b["tags"] = new[] { tag };
            tweak(b);
        })))["id"]!.GetValue<long>();

    private static async Task EnterFacts(HttpClient client, long customerId, decimal amount, decimal volume, int overdue = 0, bool badCredit = false)
    {
        var rows = WindowMonths().Select(m => new
        {
            customerId, month = m, orderAmount = amount, volume, volumeUnit = "t", profitContribution = amount / 10, daysOverdue = overdue,
            onTimePaymentRatio = 0.9m, shareOfWallet = 0.4m, referrals = 0, badCredit,
        }).ToList();
        var response = await client.PostJson("/api/v1/facts/bulk", new { rows, allOrNothing = true });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> WaitForRun(HttpClient client, long runId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await (await client.GetAsync($"/api/v1/grading/runs/{runId}")).Body();
            if (statuses.Contains(run["status"]!.GetValue<string>()) || DateTime.UtcNow > deadline)
                return run;
            await Task.Delay(100);
        }
    }

    private static async Task<JsonArray> Proposals(HttpClient client, long runId, string query = "") =>
        (await (await client.GetAsync($"/api/v1/grading/runs/{runId}/proposals?pageSize=100&{query}")).Body())["items"]!.AsArray();

    private static async Task<string?> GradeOf(HttpClient client, long customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}")).Body())["grade"]?.GetValue<string>();

    private static object ValidScoreScheme(string code) => new
    {
        code,
        name = "评分方案",
        grades = new[] { new { code = "A", name = "重点", order = 1 }, new { code = "B", name = "一般", order = 2 } },
        defaultGrade = "B",
        score = new
        {
            criteria = new object[]
            {
                new { field = "onTimePaymentRatio", weight = 40, normalisation = new { kind = "linear", min = 0.5m, max = 1m } },
                new { field = "annualOrderAmount", weight = 60, normalisation = new { kind = "linear", min = 0, max = 1_000_000 } },
            },
            bands = new[] { new { grade = "B", minScore = 0, maxScore = 60 }, new { grade = "A", minScore = 60, maxScore = 100 } },
        },
    };

    [Fact]
    public async Task Both_policy_presets_are_installed_and_the_manufacturer_policy_is_the_default()
    {
        var client = await Api.As("east.sales1");

        var schemes = (await (await client.GetAsync("/api/v1/grading/schemes")).Read<JsonArray>()).Select(s => s!.AsObject()).ToList();

        schemes.Select(s => s["code"]!.GetValue<string>()).ShouldContain("logistics");
        schemes.Select(s => s["code"]!.GetValue<string>()).ShouldContain("manufacturer");
        schemes.Single(s => s["isDefault"]!.GetValue<bool>())["code"]!.GetValue<string>().ShouldBe("manufacturer");
        var response = await client.GetAsync("/api/v1/grading/schemes/manufacturer");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var manufacturer = await response.Body();
        manufacturer["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldContain("m-a-first-tier-volume");
        manufacturer["grades"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ShouldBe(["重要", "次重要", "一般", "潜在"]);
        (await client.GetAsync("/api/v1/grading/schemes/nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_scheme_that_cannot_work_is_refused_with_an_error_on_each_faulty_member()
    {
        var client = await Api.As("marketing1");
        var broken = new
        {
            code = "broken",
            name = "坏方案",
            grades = new[] { new { code = "A", name = "甲", order = 1 }, new { code = "B", name = "乙", order = 2 }, new { code = "Z", name = "丙", order = 3 } },
            rules = new[] { new { id = "r1", name = "未知字段", grade = "A", match = "All", conditions = new[] { new { field = "nope", @operator = "Eq", values = new[] { "1" } } } } },
            defaultGrade = "B",
            score = new
            {
                criteria = new[] { new { field = "referrals", weight = 60, normalisation = new { kind = "linear", min = 0, max = 10 } } },
                bands = new[] { new { grade = "B", minScore = 0, maxScore = 50 }, new { grade = "A", minScore = 40, maxScore = 100 } },
            },
        };

        var response = await client.PostJson("/api/v1/grading/schemes", broken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        ProblemAssertions.ShouldHaveFieldError(problem, "rules[0].conditions[0].field");
        ProblemAssertions.ShouldHaveFieldError(problem, "score.criteria");
        ProblemAssertions.ShouldHaveFieldError(problem, "score.bands[1]");
        ProblemAssertions.ShouldHaveFieldError(problem, "grades[2]");

        var noKind = await client.PostJson("/api/v1/grading/schemes", new
        {
            code = "nokind", name = "缺类型", grades = new[] { new { code = "A", name = "甲", order = 1 } }, defaultGrade = "A",
            score = new { criteria = new[] { new { field = "referrals", weight = 100, normalisation = new { min = 0, max = 10 } } }, bands = Array.Empty<object>() },
        });
        noKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await noKind.Body(), "score.criteria[0].normalisation");

        (await (await client.GetAsync("/api/v1/grading/schemes")).Read<JsonArray>()).Select(s => s!["code"]!.GetValue<string>()).ShouldNotContain("broken");
    }

    [Fact]
    public async Task Revising_a_scheme_adds_a_version_with_its_effective_date_and_keeps_the_old_one()
    {
        var marketing = await Api.As("marketing1");
        var code = "score-" + Guid.NewGuid().ToString("N")[..6];
        var created = await marketing.PostJson("/api/v1/grading/schemes", ValidScoreScheme(code));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await marketing.PostJson("/api/v1/grading/schemes", ValidScoreScheme(code))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await Api.As("east.sales1")).PostJson("/api/v1/grading/schemes", ValidScoreScheme("other-" + code))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        var revision = new JsonObject
        {
            ["name"] = "评分方案（第二版）",
            ["effectiveFrom"] = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["comment"] = "下月起提高回款权重",
            ["grades"] = JsonNode.Parse("""[{"code":"A","name":"重点","order":1},{"code":"B","name":"一般","order":2}]"""),
            ["defaultGrade"] = "B",
            ["rules"] = JsonNode.Parse("""[{"id":"bad","name":"不良信用","grade":"B","match":"All","conditions":[{"field":"badCredit","operator":"Eq","values":["true"]}]}]"""),
            ["score"] = JsonNode.Parse("""{"criteria":[{"field":"onTimePaymentRatio","weight":70,"normalisation":{"kind":"linear","min":0.5,"max":1}},{"field":"annualOrderAmount","weight":30,"normalisation":{"kind":"linear","min":0,"max":1000000}}],"bands":[{"grade":"B","minScore":0,"maxScore":60},{"grade":"A","minScore":60,"maxScore":100}]}"""),
        };
        (await marketing.PutJson($"/api/v1/grading/schemes/{code}", revision, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await marketing.PutJson($"/api/v1/grading/schemes/{code}", revision, "\"7\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var revised = await marketing.PutJson($"/api/v1/grading/schemes/{code}", revision, "\"1\"");
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        (await revised.Body())["version"]!.GetValue<int>().ShouldBe(2);

        var backdated = revision.DeepClone().AsObject();
        backdated["effectiveFrom"] = Today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await marketing.PutJson($"/api/v1/grading/schemes/{code}", backdated, "\"2\"");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await refused.Body(), "effectiveFrom");

        // Today version 1 is in force; from the new effective date, version 2.
        (await (await marketing.GetAsync($"/api/v1/grading/schemes/{code}")).Body())["version"]!.GetValue<int>().ShouldBe(1);
        var later = Today.AddDays(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await (await marketing.GetAsync($"/api/v1/grading/schemes/{code}?asOf={later}")).Body())["version"]!.GetValue<int>().ShouldBe(2);
        var versions = await (await marketing.GetAsync($"/api/v1/grading/schemes/{code}/versions")).Read<JsonArray>();
        versions.Select(v => (v!["version"]!.GetValue<int>(), v["inForce"]!.GetValue<bool>())).ShouldBe([(2, false), (1, true)]);
    }

    [Fact]
    public async Task Evaluating_a_customer_names_the_matching_rule_with_the_actual_values_and_changes_nothing()
    {
        var sales = await Api.As("east.sales1");
        var tag = "评估" + Guid.NewGuid().ToString("N")[..6];
        var agent = await NewCustomer(sales, tag, b => { b["category"] = "FirstTierAgent"; b["grade"] = "B"; });
        await EnterFacts(sales, agent, amount: 300_000m, volume: 6_000m);

        var evaluation = await (await sales.GetAsync($"/api/v1/customers/{agent}/grade-evaluation")).Body();

        evaluation["proposedGrade"]!.GetValue<string>().ShouldBe("A");
        evaluation["proposedGradeName"]!.GetValue<string>().ShouldBe("重要");
        evaluation["wouldChange"]!.GetValue<bool>().ShouldBeTrue();
        var rule = evaluation["result"]!["rule"]!;
        rule["ruleId"]!.GetValue<string>().ShouldBe("m-a-first-tier-volume");
        var volume = rule["conditions"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "averageMonthlyVolume")!;
        (volume["actual"]!.GetValue<string>(), volume["held"]!.GetValue<bool>()).ShouldBe(("6000", true));
        evaluation["input"]!["annualOrderAmount"]!.GetValue<string>().ShouldBe("3600000");
        (await GradeOf(sales, agent)).ShouldBe("B");

        // The logistics policy grades the same figures by amount: 3.6 million a year is A (关键).
        var logistics = await (await sales.GetAsync($"/api/v1/customers/{agent}/grade-evaluation?scheme=logistics")).Body();
        logistics["result"]!["rule"]!["ruleId"]!.GetValue<string>().ShouldBe("l-a-amount");

        (await (await Api.As("south.sales1")).GetAsync($"/api/v1/customers/{agent}/grade-evaluation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sales.GetAsync($"/api/v1/customers/{agent}/grade-evaluation?scheme=nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_weighted_scheme_explains_the_score_per_criterion()
    {
        var marketing = await Api.As("marketing1");
        var code = "weighted-" + Guid.NewGuid().ToString("N")[..6];
        (await marketing.PostJson("/api/v1/grading/schemes", ValidScoreScheme(code))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var customer = await NewCustomer(marketing, "评分" + code, b => b["grade"] = "B");
        await EnterFacts(marketing, customer, amount: 50_000m, volume: 10m);

        var result = (await (await marketing.GetAsync($"/api/v1/customers/{customer}/grade-evaluation?scheme={code}")).Body())["result"]!;

        result["basis"]!.GetValue<string>().ShouldBe("Score");
        // On-time 0.9 → 80 × 40 % = 32; amount 600,000 → 60 × 60 % = 36; total 68 → A.
        result["score"]!["total"]!.GetValue<decimal>().ShouldBe(68m);
        result["grade"]!.GetValue<string>().ShouldBe("A");
        result["score"]!["criteria"]!.AsArray().Select(c => c!["contribution"]!.GetValue<decimal>()).ShouldBe([32m, 36m]);
    }

    [Fact]
    public async Task A_rating_run_proposes_changes_lists_overrides_apart_and_approval_updates_grades_with_history()
    {
        var sales = await Api.As("east.sales1");
        var marketing = await Api.As("marketing1");
        var tag = "年评" + Guid.NewGuid().ToString("N")[..6];
        var upgrade = await NewCustomer(sales, tag, b => { b["category"] = "FirstTierAgent"; b["grade"] = "B"; });
        await EnterFacts(sales, upgrade, amount: 100_000m, volume: 5_500m);
        var downgrade = await NewCustomer(sales, tag, b => { b["category"] = "Distributor"; b["grade"] = "A"; });
        var unchanged = await NewCustomer(sales, tag, b => { b["category"] = "Retailer"; b["grade"] = "B"; });
        var overridden = await NewCustomer(sales, tag, b => { b["category"] = "EndUser"; b["grade"] = "C"; });
        var rejected = await NewCustomer(sales, tag, b => { b["category"] = "Designer"; b["grade"] = "C"; });
        var overrideResponse = await marketing.PostJson($"/api/v1/customers/{overridden}/grade-override", new { grade = "A", reason = "重点终端客户（政策第4条）" });
        overrideResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await overrideResponse.Content.ReadAsStringAsync());

        var started = await marketing.PostJson("/api/v1/grading/runs", new { filter = new { tag } });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var runId = (await started.Body())["id"]!.GetValue<long>();
        var second = await marketing.PostJson("/api/v1/grading/runs", new { });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Body())["code"]!.GetValue<string>().ShouldBe("runActive");

        var run = await WaitForRun(marketing, runId, "Reviewing", "Completed", "Failed");
        run["status"]!.GetValue<string>().ShouldBe("Reviewing", run.ToJsonString());
        (run["total"]!.GetValue<int>(), run["done"]!.GetValue<int>(), run["percent"]!.GetValue<decimal>()).ShouldBe((5, 5, 100m));
        var counts = run["counts"]!;
        (counts["changes"]!.GetValue<int>(), counts["unchanged"]!.GetValue<int>(), counts["overridden"]!.GetValue<int>()).ShouldBe((3, 1, 1));

        var changes = await Proposals(marketing, runId, "kind=Change");
        changes.Select(p => (p!["customerId"]!.GetValue<long>(), p["fromGrade"]!.GetValue<string>(), p["toGrade"]!.GetValue<string>(), p["direction"]!.GetValue<string>()))
            .ShouldBe([(upgrade, "B", "A", "Upgrade"), (downgrade, "A", "B", "Downgrade"), (rejected, "C", "B", "Upgrade")]);
        changes[0]!["explanation"]!["rule"]!["ruleId"]!.GetValue<string>().ShouldBe("m-a-first-tier-volume");
        var apart = await Proposals(marketing, runId, "kind=Overridden");
        apart.Select(p => (p!["customerId"]!.GetValue<long>(), p["fromGrade"]!.GetValue<string>(), p["toGrade"]!.GetValue<string>())).ShouldBe([(overridden, "A", "C")]);

        // Salespeople cannot review; a reviewer rejects one line with a note, then approves all the rest.
        (await sales.PostJson($"/api/v1/grading/runs/{runId}/decisions", new { decision = "Approve", all = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noNote = await marketing.PostJson($"/api/v1/grading/runs/{runId}/decisions", new { decision = "Reject", customerIds = new[] { rejected } });
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await noNote.Body(), "note");
        var reject = await (await marketing.PostJson($"/api/v1/grading/runs/{runId}/decisions",
            new { decision = "Reject", customerIds = new[] { rejected }, note = "设计院推荐待核实" })).Body();
        reject["rejected"]!.GetValue<int>().ShouldBe(1);
        var approveAll = await (await marketing.PostJson($"/api/v1/grading/runs/{runId}/decisions", new { decision = "Approve", all = true })).Body();
        approveAll["approved"]!.GetValue<int>().ShouldBe(2);
        approveAll["run"]!["status"]!.GetValue<string>().ShouldBe("Reviewing", "the overridden customer is still to be decided");

        (await GradeOf(sales, upgrade)).ShouldBe("A");
        (await GradeOf(sales, downgrade)).ShouldBe("B");
        (await GradeOf(sales, rejected)).ShouldBe("C");
        (await GradeOf(sales, overridden)).ShouldBe("A", "approve-all leaves overrides alone");

        // Keeping the override: reject its line; the run is then complete and the scheme free for a new run.
        var keep = await (await marketing.PostJson($"/api/v1/grading/runs/{runId}/decisions",
            new { decision = "Reject", customerIds = new[] { overridden }, note = "维持人工调整" })).Body();
        keep["run"]!["status"]!.GetValue<string>().ShouldBe("Completed");
        (await GradeOf(sales, overridden)).ShouldBe("A");

        var history = (await (await sales.GetAsync($"/api/v1/customers/{upgrade}/grade-history")).Body())["items"]!.AsArray();
        history.Count.ShouldBe(1);
        (history[0]!["source"]!.GetValue<string>(), history[0]!["runId"]!.GetValue<long>(), history[0]!["direction"]!.GetValue<string>())
            .ShouldBe(("Rating", runId, "Upgrade"));
        var archive = (await (await sales.GetAsync($"/api/v1/customers/{upgrade}/history?pageSize=100")).Body())["items"]!.AsArray();
        archive.ShouldContain(h => h!["action"]!.GetValue<string>() == "Graded" && h["field"]!.GetValue<string>() == "grade" && h["newValue"]!.GetValue<string>() == "A");

        var movements = await (await marketing.GetAsync("/api/v1/grading/statistics/movements?by=Owner&source=Rating")).Body();
        var salesId = (await sales.StaffId("east.sales1")).ToString(CultureInfo.InvariantCulture);
        var owner = movements["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == salesId)!;
        owner["upgrades"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        owner["downgrades"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task An_override_needs_a_reason_and_the_permission_over_that_customer()
    {
        var sales = await Api.As("east.sales1");
        var customer = await NewCustomer(sales, "调整" + Guid.NewGuid().ToString("N")[..6], b => b["grade"] = "C");

        (await sales.PostJson($"/api/v1/customers/{customer}/grade-override", new { grade = "A", reason = "我想要" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var manager = await Api.As("east.manager");
        var noReason = await manager.PostJson($"/api/v1/customers/{customer}/grade-override", new { grade = "A", reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await noReason.Body(), "reason");
        var unknownGrade = await manager.PostJson($"/api/v1/customers/{customer}/grade-override", new { grade = "Z", reason = "测试等级" });
        unknownGrade.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await unknownGrade.Body(), "grade");
        (await (await Api.As("south.manager")).PostJson($"/api/v1/customers/{customer}/grade-override", new { grade = "A", reason = "跨部门" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var done = await manager.PostJson($"/api/v1/customers/{customer}/grade-override", new { grade = "B", reason = "年度合同量大幅增加" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Body())["direction"]!.GetValue<string>().ShouldBe("Upgrade");
        var detail = await (await sales.GetAsync($"/api/v1/customers/{customer}")).Body();
        detail["grade"]!.GetValue<string>().ShouldBe("B");
        var history = (await (await sales.GetAsync($"/api/v1/customers/{customer}/grade-history")).Body())["items"]!.AsArray();
        (history[0]!["source"]!.GetValue<string>(), history[0]!["reason"]!.GetValue<string>()).ShouldBe(("Override", "年度合同量大幅增加"));
    }

    [Fact]
    public async Task A_run_whose_instance_died_is_taken_over_after_its_lease_and_resumes_after_its_cursor()
    {
        var marketing = await Api.As("marketing1");
        var tag = "接管" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add(await NewCustomer(marketing, tag, b => { b["category"] = "Distributor"; b["grade"] = "A"; }));
        var staffId = await marketing.StaffId("marketing1");

        // A run another instance claimed, evaluated the first customer of, and then died with (its lease ran out).
        long runId;
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            // One transaction: the runner must never see the run as queued.
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.RatingRuns.Where(r => r.ActiveSchemeCode != null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RatingRunStatus.Cancelled).SetProperty(r => r.ActiveSchemeCode, (string?)null));
            var run = new RatingRun("manufacturer", 1, Today, $$"""{"tag":"{{tag}}","includeSubUnits":true}""", staffId, DateTimeOffset.UtcNow);
            db.RatingRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
            var expired = DateTimeOffset.UtcNow.AddMinutes(-5);
            await db.RatingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RatingRunStatus.Running)
                .SetProperty(r => r.LeaseOwner, "dead-instance")
                .SetProperty(r => r.LeaseUntil, expired)
                .SetProperty(r => r.StartedAt, expired)
                .SetProperty(r => r.Attempts, 1)
                .SetProperty(r => r.Total, 3)
                .SetProperty(r => r.Done, 1)
                .SetProperty(r => r.Unchanged, 1)
                .SetProperty(r => r.Cursor, ids[0]));
            await tx.CommitAsync();
        }

        var finished = await WaitForRun(marketing, runId, "Reviewing", "Completed", "Failed");

        finished["status"]!.GetValue<string>().ShouldBe("Reviewing", finished.ToJsonString());
        (finished["done"]!.GetValue<int>(), finished["counts"]!["changes"]!.GetValue<int>()).ShouldBe((3, 2));
        (await Proposals(marketing, runId)).Select(p => p!["customerId"]!.GetValue<long>()).ShouldBe([ids[1], ids[2]]);
        var cancelled = await marketing.PostAsync($"/api/v1/grading/runs/{runId}/cancel", null);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancelled.Body())["status"]!.GetValue<string>().ShouldBe("Cancelled");
        (await marketing.PostAsync($"/api/v1/grading/runs/{runId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await GradeOf(marketing, ids[1])).ShouldBe("A", "a cancelled run changes nothing");
    }

    [Fact]
    public async Task The_database_totals_a_run_reads_equal_the_totals_an_evaluation_computes()
    {
        var sales = await Api.As("east.sales1");
        var tag = "合计" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add(await NewCustomer(sales, tag, _ => { }));
        var months = WindowMonths().ToList();
        var rows = new List<object>();
        for (var m = 0; m < months.Count; m++)
        {
            rows.Add(new { customerId = ids[0], month = months[m], orderAmount = 1234.56m + m * 0.01m, volume = 10.125m + m, profitContribution = -99.99m + m,
                daysOverdue = m * 7, onTimePaymentRatio = m % 3 == 0 ? (decimal?)null : 0.1234m * (m % 5), shareOfWallet = m % 4 == 1 ? (decimal?)(0.05m * m) : null,
                referrals = m % 2, badCredit = false });
            if (m % 3 == 0)
                rows.Add(new { customerId = ids[1], month = months[m], orderAmount = 9_999_999_999.99m, volume = 999_999_999.999m, profitContribution = 0.01m,
                    daysOverdue = 0, onTimePaymentRatio = (decimal?)1m, shareOfWallet = (decimal?)null, referrals = 0, badCredit = m == 9 });
        }
        var written = await sales.PostJson("/api/v1/facts/bulk", new { rows, allOrNothing = true });
        written.StatusCode.ShouldBe(HttpStatusCode.OK, await written.Content.ReadAsStringAsync());

        using var scope = Api.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var (from, to) = GradingInput.WindowOf(Today);
        var fromDatabase = await Crm.Api.Features.Classification.FactWindowReader.ReadAsync(db, ids.Min(), ids.Max(), from, to, CancellationToken.None);
        foreach (var id in ids)
        {
            var facts = await db.BusinessFacts.AsNoTracking().Where(f => f.CustomerId == id).ToListAsync();
            var expected = FactTotals.Of(facts.Select(f => f.Figures), from, to);
            fromDatabase.GetValueOrDefault(id, FactTotals.None).ShouldBe(expected, $"customer {id}");
        }
        fromDatabase[ids[0]].LatestShareOfWallet.ShouldNotBeNull();
        fromDatabase.ContainsKey(ids[2]).ShouldBeFalse("a customer without facts has no totals");
    }

    [Fact]
    public async Task Statistics_count_only_the_customers_the_caller_may_see()
    {
        var sales = await Api.As("east.sales1");
        var tag = "统计" + Guid.NewGuid().ToString("N")[..6];
        var big = await NewCustomer(sales, tag, b => b["grade"] = "A");
        await EnterFacts(sales, big, amount: 900_000_000_000m, volume: 10m);
        var risky = await NewCustomer(sales, tag, b => b["grade"] = "C");
        await EnterFacts(sales, risky, amount: 1_000m, volume: 1m, overdue: 120);

        var distribution = await (await sales.GetAsync("/api/v1/grading/statistics/distribution?by=Owner")).Body();
        var visible = (await (await sales.GetAsync("/api/v1/customers?pageSize=1")).Body())["total"]!.GetValue<int>();
        distribution["total"]!.GetValue<int>().ShouldBe(visible);
        var gm = await (await (await Api.As("gm")).GetAsync("/api/v1/grading/statistics/distribution?by=Unit")).Body();
        gm["total"]!.GetValue<int>().ShouldBeGreaterThan(visible);
        gm["rows"]!.AsArray().Sum(r => r!["total"]!.GetValue<int>()).ShouldBe(gm["total"]!.GetValue<int>());

        var bothEnds = await (await sales.GetAsync("/api/v1/grading/statistics/both-ends?top=3")).Body();
        var unit = bothEnds["units"]!.AsArray().Single(u => u!["top"]!.AsArray().Any(c => c!["id"]!.GetValue<long>() == big))!;
        unit["top"]![0]!["id"]!.GetValue<long>().ShouldBe(big);
        unit["top"]![0]!["annualOrderAmount"]!.GetValue<decimal>().ShouldBe(10_800_000_000_000m);
        unit["risks"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ShouldContain(risky);
        var south = await (await (await Api.As("south.sales1")).GetAsync("/api/v1/grading/statistics/both-ends")).Body();
        south["units"]!.AsArray().SelectMany(u => u!["top"]!.AsArray()).Select(c => c!["id"]!.GetValue<long>()).ShouldNotContain(big);
    }
}

public sealed class ClassificationTests(ClassificationSqliteFixture fixture) : ClassificationTestsBase(fixture), IClassFixture<ClassificationSqliteFixture>;

public sealed class ClassificationTestsOnSqlServer(ClassificationSqlServerFixture fixture) : ClassificationTestsBase(fixture), IClassFixture<ClassificationSqlServerFixture>;
