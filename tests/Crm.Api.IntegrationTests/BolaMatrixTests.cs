using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>
/// Issue 4 point 7: broken object-level authorisation as a matrix built from the route table. Every route either has
/// a matrix entry or is declared free of customer data; each entry gives, per demo role, the status for an object the
/// role may reach, one it may not, and one that does not exist. An object the caller may not see must be
/// indistinguishable from a missing one, and no response may name a customer the caller may not see.
/// </summary>
public abstract class BolaMatrixTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public void Every_route_has_a_matrix_entry_or_is_declared_free_of_customer_data()
    {
        var routes = BolaMatrix.DiscoverRoutes(Api.Factory.Services);
        var matrix = BolaMatrix.Entries.Select(e => e.Route).ToList();
        var problems = new List<string>();

        problems.AddRange(matrix.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"listed twice in the matrix: {g.Key}"));
        problems.AddRange(BolaMatrix.FreeOfCustomerData.Keys.Intersect(matrix).Select(r => $"both in the matrix and declared free of customer data: {r}"));
        foreach (var route in routes.Where(r => !matrix.Contains(r) && !BolaMatrix.FreeOfCustomerData.ContainsKey(r)))
        {
            problems.Add(BolaMatrix.LooksLikeCustomerData(route)
                ? $"route returns or changes customer data but has no BOLA matrix entry: {route}"
                : $"route is neither in the BOLA matrix nor declared free of customer data: {route}");
        }
        problems.AddRange(matrix.Except(routes).Select(r => $"matrix lists a route that no longer exists: {r}"));
        problems.AddRange(BolaMatrix.FreeOfCustomerData.Keys.Except(routes).Select(r => $"declared free of customer data but no longer exists: {r}"));

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_role_gets_the_policy_status_on_every_customer_data_route()
    {
        var world = await BolaWorld.CreateAsync(Api);
        var results = new List<BolaResult>();
        var started = DateTime.UtcNow;

        foreach (var entry in BolaMatrix.Entries)
        foreach (var role in BolaMatrix.Roles)
        foreach (var @case in Enum.GetValues<BolaCase>())
        {
            var expected = entry.Expected(role, @case);
            if (expected is null)
                continue;
            BolaOutcome? outcome;
            try
            {
                outcome = await entry.Probe(world, role, @case);
            }
            catch (Exception e)
            {
                outcome = new BolaOutcome(0, "", $"probe threw {e.GetType().Name}: {e.Message}");
            }
            if (outcome is null)
                continue;
            var problems = new List<string>();
            if (outcome.Problem is not null)
                problems.Add(outcome.Problem);
            if (entry.ScanForLeaks && outcome.Body.Length > 0)
                problems.AddRange(world.Leaks(role, outcome.Body));
            results.Add(new BolaResult(entry.Route, role, @case, expected.Value, outcome.Status, problems));
        }

        var elapsed = DateTime.UtcNow - started;
        var mismatches = results.Where(r => r.Actual != r.Expected || r.Problems.Count > 0).ToList();
        var gaps = mismatches.Where(r => BolaMatrix.KnownGaps.TryGetValue((r.Route, r.Role, r.Case), out var observed)
                                         && observed == r.Actual && r.Problems.Count == 0).ToList();
        var failures = mismatches.Except(gaps).ToList();
        var fixedGaps = BolaMatrix.KnownGaps
            .Where(g => results.Any(r => (r.Route, r.Role, r.Case) == g.Key && (r.Actual != g.Value || r.Expected == g.Value)))
            .Select(g => $"known gap {g.Key} no longer answers {g.Value}, or that is the policy: remove it from KnownGaps").ToList();
        var unreached = BolaMatrix.KnownGaps.Keys.Where(k => !results.Any(r => (r.Route, r.Role, r.Case) == k))
            .Select(k => $"known gap {k} was not exercised").ToList();

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"BOLA matrix: {results.Count} checks in {elapsed.TotalSeconds:F1} s, {failures.Count} failures, {gaps.Count} known gaps");
        foreach (var gap in gaps)
            output?.WriteLine($"[BOLA known gap] {gap.Route} as {gap.Role} ({gap.Case}): policy {gap.Expected}, answers {gap.Actual}");

        var report = new StringBuilder();
        report.AppendLine($"{failures.Count + fixedGaps.Count + unreached.Count} BOLA matrix problems in {results.Count} checks:");
        report.AppendLine("route | role | case | expected | actual | problems");
        foreach (var f in failures)
            report.AppendLine($"{f.Route} | {f.Role} | {f.Case} | {f.Expected} | {f.Actual} | {string.Join("; ", f.Problems)}");
        foreach (var line in fixedGaps.Concat(unreached))
            report.AppendLine(line);
        (failures.Count + fixedGaps.Count + unreached.Count).ShouldBe(0, report.ToString());
        // Every entry must have been exercised for at least one role, or the matrix is silently hollow.
        BolaMatrix.Entries.Select(e => e.Route).Except(results.Select(r => r.Route)).ShouldBeEmpty();
    }
}

public enum BolaCase
{
    /// <summary>An object the role may reach (for customers: one it may see).</summary>
    Visible,

    /// <summary>An existing object the role may not reach.</summary>
    Invisible,

    /// <summary>An id that does not exist: must answer exactly like <see cref="Invisible"/>.</summary>
    Missing,
}

public sealed record BolaOutcome(int Status, string Body, string? Problem = null);

public sealed record BolaResult(string Route, string Role, BolaCase Case, int Expected, int Actual, List<string> Problems);

/// <param name="Expected">The policy's status, or null when the case does not apply to the role.</param>
/// <param name="Probe">Sends the request; null when the case cannot be built for the role.</param>
/// <param name="ScanForLeaks">Whether the body must not name customers the role may not see.</param>
public sealed record BolaEntry(string Route, Func<string, BolaCase, int?> Expected, Func<BolaWorld, string, BolaCase, Task<BolaOutcome?>> Probe,
    bool ScanForLeaks = true);

/// <summary>Who may reach which customer, as a shape the fixture can clone: owner, owning unit, and whether the service centre serves it.</summary>
public sealed record BolaPattern(string Name, string Owner, string UnitCode, bool ServedByServiceCentre);

public sealed record BolaCustomer(long Id, string Name, BolaPattern Pattern, long KeyPersonId, long ActivityId = 0);

/// <summary>An access request shape: who asks, about a customer like which, and who may read it.</summary>
public sealed record BolaRequestShape(string Name, string Requester, BolaPattern Customer, string Approver, IReadOnlySet<string> Readers);

public static class BolaMatrix
{
    public static readonly string[] Roles =
        ["gm", "deputy", "marketing1", "admin", "east.manager", "east.sales1", "east.sales2", "south.manager", "south.sales1", "service.manager"];

    private static readonly HashSet<string> SeeAll = ["gm", "deputy", "marketing1", "admin"];
    private static readonly HashSet<string> Writers = ["gm", "deputy", "marketing1", "east.manager", "south.manager", "service.manager", "east.sales1", "east.sales2", "south.sales1"];
    private static readonly HashSet<string> Managers = ["gm", "deputy", "marketing1", "east.manager", "south.manager", "service.manager"];
    private static readonly HashSet<string> Auditors = ["gm", "deputy", "marketing1", "admin"];
    private static readonly HashSet<string> Overseers = ["gm", "deputy", "admin"];
    private static readonly HashSet<string> Requesters = ["east.sales1", "south.sales1", "east.sales2"];
    private static readonly HashSet<string> Approvers = ["gm", "deputy", "east.manager"];
    private static readonly HashSet<string> RatingReviewers = ["gm", "deputy", "marketing1"];

    public static readonly BolaPattern East = new("华东", "east.sales1", "EAST", false);
    public static readonly BolaPattern South = new("华南", "south.sales1", "SOUTH", false);
    public static readonly BolaPattern Serviced = new("服务", "east.sales2", "EAST", true);

    /// <summary>The customer a role sees (every role sees one of the three fixed customers).</summary>
    public static BolaPattern VisiblePattern(string role) => role switch
    {
        "south.manager" or "south.sales1" => South,
        "east.sales2" or "service.manager" => Serviced,
        _ => East,
    };

    /// <summary>A customer the role may not see; null for roles that see every customer.</summary>
    public static BolaPattern? InvisiblePattern(string role) => role switch
    {
        _ when SeeAll.Contains(role) => null,
        "east.manager" or "east.sales1" => South,
        _ => East,
    };

    /// <summary>Who may see a customer of each pattern (the leak scan's truth).</summary>
    public static readonly IReadOnlyDictionary<BolaPattern, HashSet<string>> SeenBy = new Dictionary<BolaPattern, HashSet<string>>
    {
        [East] = [..SeeAll, "east.manager", "east.sales1"],
        [South] = [..SeeAll, "south.manager", "south.sales1"],
        [Serviced] = [..SeeAll, "east.manager", "east.sales2", "service.manager"],
    };

    // Requests to another unit's customer go to the general manager; within the unit to the unit manager.
    public static readonly BolaRequestShape[] RequestShapes =
    [
        new("east.sales1→华南", "east.sales1", South, "gm", new HashSet<string>([..Overseers, "east.sales1"])),
        new("south.sales1→华东", "south.sales1", East, "gm", new HashSet<string>([..Overseers, "south.sales1"])),
        new("east.sales2→华东", "east.sales2", East, "east.manager", new HashSet<string>([..Overseers, "east.sales2", "east.manager"])),
    ];

    public static BolaRequestShape? ReadableShape(string role) => RequestShapes.FirstOrDefault(s => s.Readers.Contains(role));

    public static BolaRequestShape? UnreadableShape(string role) => RequestShapes.FirstOrDefault(s => !s.Readers.Contains(role));

    /// <summary>
    /// Cases where the API is known to differ from the policy: (route, role, case) → the status it answers today.
    /// The suite fails when one of them changes, so a fix must remove its entry. Empty: no gap found.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Route, string Role, BolaCase Case), int> KnownGaps =
        new Dictionary<(string, string, BolaCase), int>();

    /// <summary>Routes that neither return nor change customer data, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> FreeOfCustomerData = new Dictionary<string, string>
    {
        ["ANY /health/live"] = "liveness probe",
        ["ANY /health/ready"] = "readiness probe",
        ["POST /api/v1/auth/token"] = "sign-in: a person's JSON password sign-in, or an API client's form-encoded client-credentials grant",
        ["POST /api/v1/auth/refresh"] = "token refresh",
        ["POST /api/v1/auth/logout"] = "sign-out",
        ["GET /api/v1/me"] = "the caller's own profile and permissions",
        ["GET /api/v1/org/units"] = "organisation tree",
        ["GET /api/v1/org/units/{id:long}"] = "organisation unit",
        ["POST /api/v1/org/units"] = "organisation admin (admin.org)",
        ["PUT /api/v1/org/units/{id:long}"] = "organisation admin (admin.org)",
        ["POST /api/v1/org/units/{id:long}/move"] = "organisation admin (admin.org)",
        ["POST /api/v1/org/units/{id:long}/disable"] = "organisation admin (admin.org); answers only counts-free 409",
        ["GET /api/v1/org/staff"] = "staff directory",
        ["GET /api/v1/org/staff/{id:long}"] = "staff directory",
        ["POST /api/v1/org/staff"] = "user admin (admin.users)",
        ["PUT /api/v1/org/staff/{id:long}"] = "user admin (admin.users)",
        ["PUT /api/v1/org/staff/{id:long}/roles"] = "user admin (admin.users)",
        ["POST /api/v1/org/staff/{id:long}/disable"] = "user admin (admin.users)",
        ["POST /api/v1/org/staff/{id:long}/enable"] = "user admin (admin.users)",
        ["POST /api/v1/org/staff/{id:long}/password"] = "user admin (admin.users)",
        ["GET /api/v1/access/permissions"] = "permission catalogue",
        ["GET /api/v1/access/roles"] = "role catalogue",
        ["GET /api/v1/access/roles/{id:long}"] = "role catalogue",
        ["POST /api/v1/access/roles"] = "role admin (admin.roles)",
        ["PUT /api/v1/access/roles/{id:long}"] = "role admin (admin.roles)",
        ["DELETE /api/v1/access/roles/{id:long}"] = "role admin (admin.roles)",
        ["GET /api/v1/grading/fields"] = "grading field catalogue",
        ["GET /api/v1/grading/schemes"] = "grading scheme catalogue",
        ["POST /api/v1/grading/schemes"] = "grading scheme admin (classification.schemes)",
        ["GET /api/v1/grading/schemes/{code}"] = "grading scheme",
        ["PUT /api/v1/grading/schemes/{code}"] = "grading scheme admin (classification.schemes)",
        ["GET /api/v1/grading/schemes/{code}/versions"] = "grading scheme versions",
        ["POST /api/v1/grading/runs"] = "starts a rating run within the caller's classification.run scope; answers status and counts only",
        ["GET /api/v1/grading/runs"] = "rating run status and counts, no customer",
        ["GET /api/v1/grading/runs/{id:long}"] = "rating run status and counts, no customer",
        ["POST /api/v1/grading/runs/{id:long}/cancel"] = "rating run status and counts, no customer",
        ["GET /api/v1/grading/statistics/distribution"] = "counts per unit, region, category or owner over the caller's visible customers; names no customer",
        ["GET /api/v1/grading/statistics/movements"] = "counts per owner, unit or month over the caller's visible customers; names no customer",
        ["GET /api/v1/calendar/working-days"] = "working-day arithmetic on public holiday notices",
        ["GET /api/v1/calendar/add"] = "working-day arithmetic on public holiday notices",
        ["GET /api/v1/calendar/check"] = "working-day arithmetic on public holiday notices",
        ["GET /api/v1/calendar/years"] = "public holiday notices",
        ["GET /api/v1/calendar/{year:int}"] = "public holiday notices",
        ["PUT /api/v1/calendar/{year:int}"] = "calendar admin (admin.calendar)",
        ["GET /api/v1/integration/scopes"] = "OAuth scope catalogue",
        ["GET /api/v1/webhooks/event-types"] = "webhook event catalogue",
        ["GET /api/v1/webhooks/subscriptions"] = "the caller's own webhook subscriptions (integration.webhooks); no customer",
        ["POST /api/v1/webhooks/subscriptions"] = "subscribes the caller (integration.webhooks); events reach it only for customers it may see (WebhookTests)",
        ["GET /api/v1/webhooks/subscriptions/{id:long}"] = "the caller's own subscription (404 for another's); no customer",
        ["POST /api/v1/webhooks/subscriptions/{id:long}/deactivate"] = "the caller's own subscription; no customer",
        ["GET /api/v1/webhooks/subscriptions/{id:long}/deliveries"] = "delivery log of the caller's own subscription: event ids and types, no customer data",
        ["POST /api/v1/webhooks/subscriptions/{id:long}/deliveries/{deliveryId:long}/redeliver"] = "the caller's own delivery; no customer data",
        ["GET /api/v1/integration/clients"] = "API client admin (integration.clients); no customer",
        ["GET /api/v1/integration/clients/{id:long}"] = "API client admin (integration.clients); no customer",
        ["POST /api/v1/integration/clients"] = "API client admin (integration.clients); no customer",
        ["PUT /api/v1/integration/clients/{id:long}"] = "API client admin (integration.clients); no customer",
        ["POST /api/v1/integration/clients/{id:long}/rotate-secret"] = "API client admin (integration.clients); no customer",
        ["POST /api/v1/integration/clients/{id:long}/disable"] = "API client admin (integration.clients); no customer",
        ["POST /api/v1/integration/clients/{id:long}/enable"] = "API client admin (integration.clients); no customer",
        ["GET /api/v1/feedback-quotas"] = "feedback-form counts per unit within the caller's unit reach; names no customer",
        ["GET /api/v1/kpi/periods"] = "KPI ledger (kpi.manage): months, units, people, points; names no customer",
        ["GET /api/v1/kpi/periods/{month}"] = "KPI ledger (kpi.manage): units, people, points and evidence ids; names no customer",
        ["POST /api/v1/kpi/periods/{month}/run"] = "KPI run (kpi.manage): answers counts and totals only",
        ["POST /api/v1/kpi/periods/{month}/close"] = "KPI close (kpi.manage): answers counts and totals only",
        ["POST /api/v1/kpi/periods/{month}/adjustments"] = "KPI correction (kpi.manage): a unit, person, points, amount, reason",
        ["DELETE /api/v1/kpi/periods/{month}/adjustments/{entryId:long}"] = "KPI correction (kpi.manage)",
        ["GET /api/v1/kpi/scorecards/{year:int}"] = "unit scorecards (kpi.manage): units, leaders, scores; names no customer",
        ["PUT /api/v1/kpi/scorecards/{year:int}/units/{unitId:long}"] = "unit scorecard entry (kpi.manage)",
        ["GET /api/v1/kpi/indicators"] = "counts and sums per account manager over the caller's visible customers; names no customer",
        ["GET /api/v1/kpi/indicators/export"] = "the indicators above as CSV/XLSX, same query and visibility; names no customer",
        ["GET /api/v1/kpi/periods/{month}/export"] = "the KPI ledger above as CSV/XLSX (kpi.manage); names no customer",
        ["GET /{*path:nonfile:spaPath}"] = "the staff SPA's index.html for deep links (never /api, /swagger, /health)",
        ["HEAD /{*path:nonfile:spaPath}"] = "the staff SPA's index.html for deep links (never /api, /swagger, /health)",
    };

    /// <summary>Route shapes that carry customer data by their name: a new one of these without an entry is called out as such.</summary>
    public static bool LooksLikeCustomerData(string route) =>
        route.Contains("/api/v1/customers", StringComparison.Ordinal) || route.Contains("customer", StringComparison.OrdinalIgnoreCase)
        || route.Contains("/api/v1/handovers", StringComparison.Ordinal) || route.Contains("/api/v1/access/requests", StringComparison.Ordinal)
        || route.Contains("/api/v1/access/grants", StringComparison.Ordinal) || route.Contains("/api/v1/access/read-log", StringComparison.Ordinal)
        || route.Contains("export", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every routed endpoint as "METHOD pattern" ("ANY" when it takes every method).</summary>
    public static IReadOnlyList<string> DiscoverRoutes(IServiceProvider services)
    {
        var sources = services.GetServices<EndpointDataSource>().ToList();
        sources.ShouldNotBeEmpty();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is { Count: > 0 } ? methods.Select(m => $"{m} {pattern}") : [$"ANY {pattern}"];
            })
            .Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
    }

    // The policy per case: who reaches the object, and what a role that does not answers.
    private static int? Customer(string role, BolaCase c, IReadOnlySet<string> permitted, int ok) => c switch
    {
        BolaCase.Visible => permitted.Contains(role) ? ok : 403,
        BolaCase.Invisible => InvisiblePattern(role) is null ? null : 404,
        _ => 404,
    };

    private static int? Gated(string role, BolaCase c, IReadOnlySet<string> holders, Func<BolaCase, int?> ifHeld) =>
        holders.Contains(role) ? ifHeld(c) : 403;

    private static int? ImportPolicy(string role, BolaCase c) => role == "admin"
        ? c switch { BolaCase.Visible => null, BolaCase.Invisible => 200, _ => 404 }
        : c == BolaCase.Visible ? 200 : 404;

    private const string C = "/api/v1/customers";
    private const string KP = "/api/v1/customers/{customerId:long}/key-persons";
    private const string ACT = "/api/v1/customers/{customerId:long}/activities";
    private const string CID = "/api/v1/customers/{customerId:long}";
    private static readonly HashSet<string> DeadlineManagers = ["marketing1"];

    public static readonly BolaEntry[] Entries =
    [
        // Per-customer routes: a visible customer answers by permission, an invisible or missing one 404.
        new($"GET {C}/{{id:long}}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}")),
        new($"GET {C}/{{id:long}}/history", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/history")),
        new($"PUT {C}/{{id:long}}", (r, c) => Customer(r, c, Writers, 200), (w, r, c) => w.UpdateCustomer(r, c)),
        new($"POST {C}/{{id:long}}/archive", (r, c) => Customer(r, c, Managers, 200), (w, r, c) => w.ArchiveOrRestore(r, c, archive: true)),
        new($"POST {C}/{{id:long}}/restore", (r, c) => Customer(r, c, Managers, 200), (w, r, c) => w.ArchiveOrRestore(r, c, archive: false)),
        new($"GET {KP}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/key-persons")),
        new($"GET {KP}/{{keyPersonId:long}}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/key-persons/{w.KeyPersonId(r, c)}")),
        new($"POST {KP}", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/key-persons", new { name = "矩阵联系人", level = "Executive" })),
        new($"PUT {KP}/{{keyPersonId:long}}", (r, c) => Customer(r, c, Writers, 200), (w, r, c) => w.UpdateKeyPerson(r, c)),
        new($"DELETE {KP}/{{keyPersonId:long}}", (r, c) => Customer(r, c, Writers, 204), (w, r, c) => w.RemoveKeyPerson(r, c)),
        new($"GET {C}/{{id:long}}/facts", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/facts")),
        // Each role enters its own month, so every permitted write creates one (201).
        new($"PUT {C}/{{id:long}}/facts/{{month}}", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Put, $"{C}/{w.CustomerId(r, c)}/facts/2026-{Array.IndexOf(Roles, r) + 1:00}", new { orderAmount = 1m })),
        // Bulk rows out of reach are error rows in a 200 report, never a different status.
        new("POST /api/v1/facts/bulk", (r, c) => c == BolaCase.Missing || (c == BolaCase.Invisible && InvisiblePattern(r) is null) ? null : 200,
            (w, r, c) => w.Send(r, HttpMethod.Post, "/api/v1/facts/bulk",
                new { rows = new[] { new { customerId = w.CustomerId(r, c), month = "2025-01", orderAmount = 1m } } })),

        // Activities: read under the customer's visibility; recording needs activities.write reaching the customer; the fixed activities
        // are the general manager's, so changing or deleting them needs activities.manage (salespeople, not their authors, get 403).
        new($"GET {ACT}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/activities")),
        new($"GET {ACT}/{{activityId:long}}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/activities/{w.ActivityId(r, c)}")),
        new($"POST {ACT}", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/activities", BolaWorld.ActivityBody("矩阵跟进"))),
        new($"PUT {ACT}/{{activityId:long}}", (r, c) => Customer(r, c, Managers, 200), (w, r, c) => w.UpdateActivity(r, c)),
        new($"DELETE {ACT}/{{activityId:long}}", (r, c) => Customer(r, c, Managers, 204), (w, r, c) => w.DeleteActivity(r, c)),
        new("GET /api/v1/activities", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.ListActivities(r, c)),

        // Filing and change reports: read under the customer's visibility; submitting needs customers.write reaching the customer (the
        // fixed archives lack an industry, so a permitted submission answers 400 filingIncomplete); accepting and returning need
        // deadlines.manage (市场部): the fixed filings are never submitted (409), and the change-report probes name a report that does
        // not exist (404 once past the permission check).
        new($"GET {CID}/obligations", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/obligations")),
        new($"POST {CID}/filing/submit", (r, c) => Customer(r, c, Writers, 400),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/filing/submit")),
        new($"POST {CID}/filing/accept", (r, c) => Customer(r, c, DeadlineManagers, 409),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/filing/accept")),
        new($"POST {CID}/filing/return", (r, c) => Customer(r, c, DeadlineManagers, 409),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/filing/return", new { reason = "BOLA 矩阵退回" })),
        new($"POST {CID}/change-reports/{{reportId:long}}/submit", (r, c) => Customer(r, c, Writers, 404),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/change-reports/{BolaWorld.Missing}/submit")),
        new($"POST {CID}/change-reports/{{reportId:long}}/accept", (r, c) => Customer(r, c, DeadlineManagers, 404),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/change-reports/{BolaWorld.Missing}/accept")),
        new($"POST {CID}/change-reports/{{reportId:long}}/return", (r, c) => Customer(r, c, DeadlineManagers, 404),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/change-reports/{BolaWorld.Missing}/return", new { reason = "BOLA 矩阵退回" })),
        new("GET /api/v1/obligations", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.ListObligations(r, c)),
        new("GET /api/v1/deadline-board", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.DeadlineBoard(r, c)),
        new("GET /api/v1/reminders/mine", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/reminders/mine?pageSize=100")),
        // Feedback forms: read under the customer's visibility; submitting needs customers.write reaching the customer.
        new($"GET {CID}/feedback-forms", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/feedback-forms")),
        new($"POST {CID}/feedback-forms", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/feedback-forms", new { situation = "BOLA 矩阵反馈" })),
        new("GET /api/v1/feedback-forms", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.ListFeedbackForms(r, c)),

        // Complaints: read under the customer's visibility; receiving needs customers.write or complaints.manage reaching the customer;
        // moving one through the workflow complaints.manage reaching it (each probe moves a fresh complaint Received → Investigating).
        new($"GET {CID}/complaints", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/complaints")),
        new($"POST {CID}/complaints", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/complaints", new { subject = "矩阵投诉", description = "BOLA 矩阵" })),
        new($"GET {CID}/praises", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/praises")),
        new($"POST {CID}/praises", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/praises", new { content = "矩阵表扬" })),
        new($"GET {CID}/complaints/{{complaintId:long}}", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.OnComplaint(r, c, (id, complaint) => w.Send(r, HttpMethod.Get, $"{C}/{id}/complaints/{complaint}"))),
        new($"POST {CID}/complaints/{{complaintId:long}}/transitions", (r, c) => Customer(r, c, Managers, 200),
            (w, r, c) => w.OnComplaint(r, c, (id, complaint) => w.Send(r, HttpMethod.Post, $"{C}/{id}/complaints/{complaint}/transitions", new { to = "Investigating" }))),
        new("GET /api/v1/complaints", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.ListComplaints(r, c)),

        // Expenses and the finance system's filing status: read under the customer's visibility; recording needs customers.write reaching it.
        new($"GET {CID}/expenses", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/expenses")),
        new($"POST {CID}/expenses", (r, c) => Customer(r, c, Writers, 201),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/expenses", new { spentOn = "2026-01-05", category = "Gift", amount = 88.5m })),
        new($"GET {CID}/filing-status", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/filing-status?asOf=2026-01-05")),

        // Lists and creation: the list shows the visible customer and never the invisible one; creating for someone out of reach is 403.
        new($"GET {C}", (r, c) => c == BolaCase.Missing ? null : Customer(r, c, Writers.Append("admin").ToHashSet(), 200) is null ? null : 200,
            (w, r, c) => w.ListCustomers(r, c)),
        new($"POST {C}", (r, c) => c switch
        {
            BolaCase.Visible => Writers.Contains(r) ? 201 : 403,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 403,
            _ => null,
        }, (w, r, c) => w.CreateCustomer(r, c)),

        // Classification: evaluation and grade history follow the archive; overrides need classification.override over it.
        new($"GET {C}/{{id:long}}/grade-evaluation", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/grade-evaluation")),
        new($"GET {C}/{{id:long}}/grade-history", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/grade-history")),
        new($"POST {C}/{{id:long}}/grade-override", (r, c) => Customer(r, c, Managers, 200),
            (w, r, c) => w.Send(r, HttpMethod.Post, $"{C}/{w.CustomerId(r, c)}/grade-override", new { grade = "B", reason = "BOLA 矩阵测试" })),
        // A run's lines are filtered by the reviewer's visibility; the route itself is gated by run/approve.
        new("GET /api/v1/grading/runs/{id:long}/proposals", (r, c) => Gated(r, c, RatingReviewers, x => x switch
            {
                BolaCase.Visible => 200,
                BolaCase.Missing => 404,
                _ => null,
            }), (w, r, c) => w.RatingRun(r, c, "proposals")),
        new("POST /api/v1/grading/runs/{id:long}/decisions", (r, c) => Gated(r, c, RatingReviewers, x => x switch
            {
                BolaCase.Visible => 200,
                BolaCase.Missing => 404,
                _ => null,
            }), (w, r, c) => w.RatingRun(r, c, "decisions")),
        new("GET /api/v1/grading/statistics/both-ends", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/grading/statistics/both-ends")),

        // Follow-up duties: computed over the caller's visible customers; a customer's own duties follow the archive.
        new($"GET {C}/{{id:long}}/contact-duties", (r, c) => Customer(r, c, Writers.Append("admin").ToHashSet(), 200),
            (w, r, c) => w.Send(r, HttpMethod.Get, $"{C}/{w.CustomerId(r, c)}/contact-duties")),
        new("GET /api/v1/contact-duties", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/contact-duties?onlyMissing=false&pageSize=100")),
        new("GET /api/v1/follow-up-reminders", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/follow-up-reminders?kind=NeverFollowedUp&pageSize=100")),
        new("GET /api/v1/care-tasks", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/care-tasks?days=366")),

        // Incremental sync: the caller's visible customers and their facts only.
        new("GET /api/v1/sync/customers", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/sync/customers?limit=1000")),
        new("GET /api/v1/sync/facts", (r, c) => c == BolaCase.Visible ? 200 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/sync/facts?limit=1000")),

        // Exports: customers.export gates the route (403 whatever the id); jobs are their owner's alone.
        new($"GET {C}/export", (r, c) => c == BolaCase.Visible ? Gated(r, c, Managers, _ => 200) : null, (w, r, _) => w.ExportDirect(r)),
        new($"POST {C}/exports", (r, c) => c == BolaCase.Visible ? Gated(r, c, Managers, _ => 202) : null, (w, r, _) => w.StartExport(r)),
        new($"GET {C}/exports", (r, c) => c == BolaCase.Visible ? Gated(r, c, Managers, _ => 200) : null, (w, r, _) => w.ListExports(r)),
        new($"GET {C}/exports/{{id:long}}", (r, c) => Gated(r, c, Managers, x => x == BolaCase.Visible ? 200 : 404),
            (w, r, c) => w.ExportJob(r, c, "")),
        new($"GET {C}/exports/{{id:long}}/file", (r, c) => Gated(r, c, Managers, x => x == BolaCase.Visible ? 200 : 404),
            (w, r, c) => w.ExportJob(r, c, "/file")),

        // Imports: customers.write gates the upload; a row naming a customer out of reach is an error row in a 201, never a different
        // status; imports and their error reports are their creator's alone (user administrators see every one).
        new("POST /api/v1/imports", (r, c) => c switch
        {
            BolaCase.Visible => Writers.Contains(r) ? 201 : 403,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : Writers.Contains(r) ? 201 : 403,
            _ => null,
        }, (w, r, c) => w.StartImport(r, c)),
        new("GET /api/v1/imports", (r, c) => c == BolaCase.Visible ? 200 : null, (w, r, _) => w.ListImports(r)),
        new("GET /api/v1/imports/{id:long}", (r, c) => ImportPolicy(r, c), (w, r, c) => w.Import(r, c, "")),
        new("GET /api/v1/imports/{id:long}/errors", (r, c) => ImportPolicy(r, c), (w, r, c) => w.Import(r, c, "/errors?format=csv")),

        // Handover: customers.handover gates; a customer out of the caller's handover reach is 404.
        new("POST /api/v1/handovers", (r, c) => Gated(r, c, Managers, x => x switch
        {
            BolaCase.Visible => 201,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 404,
            _ => 404,
        }), (w, r, c) => w.CreateHandover(r, c)),
        new("GET /api/v1/handovers", (r, c) => c == BolaCase.Visible ? Gated(r, c, Managers, _ => 200) : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/handovers?pageSize=100")),
        new("GET /api/v1/handovers/{id:long}", (r, c) => Gated(r, c, Managers, x => x switch
        {
            BolaCase.Visible => r == "service.manager" ? null : 200,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 404,
            _ => 404,
        }), (w, r, c) => w.GetHandover(r, c)),
        new("GET /api/v1/org/staff/{id:long}/customers/summary", (r, c) => Gated(r, c, Managers, x => x switch
        {
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 200,
            BolaCase.Visible => 200,
            _ => 404,
        }), (w, r, c) => w.StaffSummary(r, c)),

        // Access requests: asking about a visible customer is 409, about an invisible one 201 (its purpose); the records are
        // their requester's, approver's and company-wide overseers'. These bodies name the requested customer by design.
        new("POST /api/v1/access/requests", (r, c) => c switch
        {
            BolaCase.Visible => 409,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 201,
            _ => 404,
        }, (w, r, c) => w.RequestAccess(r, c), ScanForLeaks: false),
        new("GET /api/v1/access/requests", (r, c) => c == BolaCase.Missing ? null : 200, (w, r, c) => w.ListRequests(r, c), ScanForLeaks: false),
        new("GET /api/v1/access/requests/{id:long}", (r, c) => Shaped(r, c, _ => 200), (w, r, c) => w.OnRequest(r, c, null), ScanForLeaks: false),
        new("POST /api/v1/access/requests/{id:long}/approve", (r, c) => Shaped(r, c, Decide), (w, r, c) => w.OnRequest(r, c, "approve"), ScanForLeaks: false),
        new("POST /api/v1/access/requests/{id:long}/reject", (r, c) => Shaped(r, c, Decide), (w, r, c) => w.OnRequest(r, c, "reject"), ScanForLeaks: false),
        new("POST /api/v1/access/requests/{id:long}/cancel", (r, c) => Shaped(r, c, x => Requesters.Contains(x) ? 200 : 403),
            (w, r, c) => w.OnRequest(r, c, "cancel"), ScanForLeaks: false),
        new("GET /api/v1/access/grants", (r, c) => c switch
        {
            BolaCase.Visible => ReadableShape(r) is null ? null : 200,
            BolaCase.Invisible => UnreadableShape(r) is null ? null : 200,
            _ => null,
        }, (w, r, c) => w.ListGrants(r, c), ScanForLeaks: false),
        new("POST /api/v1/access/grants/{id:long}/revoke", (r, c) => Shaped(r, c, _ => 200), (w, r, c) => w.RevokeGrant(r, c), ScanForLeaks: false),
        // The lookup answers an exact full name with the id and owning unit only, so the caller may ask for access.
        new("GET /api/v1/access/customer-lookup", (r, c) => c switch
        {
            BolaCase.Visible => 200,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : 200,
            _ => null,
        }, (w, r, c) => w.Lookup(r, c), ScanForLeaks: false),

        // The read log is the auditors' (access.auditLog), whatever the filter.
        new("GET /api/v1/access/read-log", (r, c) => c switch
        {
            BolaCase.Visible => Auditors.Contains(r) ? 200 : 403,
            BolaCase.Invisible => InvisiblePattern(r) is null ? null : Auditors.Contains(r) ? 200 : 403,
            _ => null,
        }, (w, r, c) => w.Send(r, HttpMethod.Get, $"/api/v1/access/read-log?pageSize=100&customerId={w.CustomerId(r, c)}")),
        new("GET /api/v1/access/read-log/verify", (r, c) => c == BolaCase.Visible ? Auditors.Contains(r) ? 200 : 403 : null,
            (w, r, _) => w.Send(r, HttpMethod.Get, "/api/v1/access/read-log/verify")),
    ];

    private static int Decide(string role) => Approvers.Contains(role) ? 200 : 403;

    private static int? Shaped(string role, BolaCase c, Func<string, int> ifReadable) => c switch
    {
        BolaCase.Visible => ReadableShape(role) is null ? null : ifReadable(role),
        BolaCase.Invisible => UnreadableShape(role) is null ? null : 404,
        _ => 404,
    };
}

/// <summary>The fixed customers, requests and handovers the matrix runs against, and the probes that use them.</summary>
public sealed class BolaWorld
{
    public const long Missing = 987_654_321_987;

    private readonly ApiFixture _api;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, long> _staff = [];
    private readonly Dictionary<string, long> _units = [];
    private readonly Dictionary<BolaPattern, BolaCustomer> _fixed = [];
    private readonly Dictionary<BolaPattern, long> _handovers = [];
    private readonly Dictionary<string, long> _requests = [];
    private readonly Dictionary<string, long> _grants = [];
    private readonly Dictionary<string, long> _jobs = [];
    private readonly Dictionary<string, long> _imports = [];
    private readonly List<(string Name, HashSet<string> SeenBy)> _scan = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private int _serial;

    private BolaWorld(ApiFixture api) => _api = api;

    private HttpClient Gm => _clients["gm"];

    public static async Task<BolaWorld> CreateAsync(ApiFixture api)
    {
        var world = new BolaWorld(api);
        foreach (var role in BolaMatrix.Roles.Append("service.staff1"))
            world._clients[role] = await api.As(role);
        foreach (var person in BolaMatrix.Roles.Append("service.staff1"))
            world._staff[person] = await world.Gm.StaffId(person);
        foreach (var code in new[] { "EAST", "SOUTH", "SVC" })
            world._units[code] = await world.Gm.UnitId(code);

        foreach (var pattern in new[] { BolaMatrix.East, BolaMatrix.South, BolaMatrix.Serviced })
        {
            var customer = await world.NewCustomer(pattern, "固定");
            var kp = await world.Gm.PostJson($"/api/v1/customers/{customer.Id}/key-persons", new { name = "固定联系人", level = "Executive" });
            kp.StatusCode.ShouldBe(HttpStatusCode.Created, await kp.Content.ReadAsStringAsync());
            var activity = await world.Gm.PostJson($"/api/v1/customers/{customer.Id}/activities", ActivityBody("固定跟进"));
            activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
            world._fixed[pattern] = customer with
            {
                KeyPersonId = (await kp.Body())["id"]!.GetValue<long>(), ActivityId = (await activity.Body())["id"]!.GetValue<long>(),
            };
            world._scan.Add((customer.Name, BolaMatrix.SeenBy[pattern]));
        }

        // One handover per side, by the general manager, of a customer that stays in its unit.
        foreach (var (pattern, successor, seenBy) in new[]
                 {
                     (BolaMatrix.East, "east.sales2", new HashSet<string>(["gm", "deputy", "marketing1", "admin", "east.manager", "east.sales2"])),
                     (BolaMatrix.South, "south.manager", new HashSet<string>(["gm", "deputy", "marketing1", "admin", "south.manager"])),
                 })
        {
            var customer = await world.NewCustomer(pattern, "交接");
            var handover = await world.Gm.PostJson("/api/v1/handovers", world.HandoverBody(pattern.Owner, successor, customer.Id));
            handover.StatusCode.ShouldBe(HttpStatusCode.Created, await handover.Content.ReadAsStringAsync());
            world._handovers[pattern] = (await handover.Body())["id"]!.GetValue<long>();
            world._scan.Add((customer.Name, seenBy));
        }

        foreach (var shape in BolaMatrix.RequestShapes)
        {
            world._requests[shape.Name] = await world.NewRequest(shape);
            world._grants[shape.Name] = await world.NewGrant(shape);
        }
        return world;
    }

    // ---- building blocks ----

    private string Name(BolaPattern pattern, string tag) => $"矩阵{_run}{pattern.Name}{tag}{Interlocked.Increment(ref _serial)}号贸易有限公司";

    private async Task<BolaCustomer> NewCustomer(BolaPattern pattern, string tag)
    {
        var name = Name(pattern, tag);
        var created = await Gm.CreateCustomer(TestData.NewCustomer(name, b =>
        {
            b["ownerId"] = _staff[pattern.Owner];
            b["owningUnitId"] = _units[pattern.UnitCode];
            if (pattern.ServedByServiceCentre)
                b["serviceUnitId"] = _units["SVC"];
        }));
        return new BolaCustomer(created["id"]!.GetValue<long>(), name, pattern, 0);
    }

    private async Task<long> NewRequest(BolaRequestShape shape)
    {
        var customer = await NewCustomer(shape.Customer, "申请");
        var response = await _clients[shape.Requester].PostJson("/api/v1/access/requests", new { customerId = customer.Id, reason = "BOLA 矩阵测试", days = 3 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Body();
        body["approver"]!["id"]!.GetValue<long>().ShouldBe(_staff[shape.Approver], $"approver of {shape.Name}");
        return body["id"]!.GetValue<long>();
    }

    private async Task<long> NewGrant(BolaRequestShape shape)
    {
        var id = await NewRequest(shape);
        var approved = await _clients[shape.Approver].PostJson($"/api/v1/access/requests/{id}/approve", new { comment = "同意" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return (await approved.Body())["grant"]!["id"]!.GetValue<long>();
    }

    private object HandoverBody(string from, string to, long customerId) =>
        new { fromStaffId = _staff[from], toStaffId = _staff[to], customerIds = new[] { customerId }, reason = "BOLA 矩阵交接" };

    private BolaCustomer? Target(string role, BolaCase c) => c switch
    {
        BolaCase.Visible => _fixed[BolaMatrix.VisiblePattern(role)],
        BolaCase.Invisible => BolaMatrix.InvisiblePattern(role) is { } p ? _fixed[p] : null,
        _ => new BolaCustomer(Missing, "", BolaMatrix.East, Missing, Missing),
    };

    public long CustomerId(string role, BolaCase c) => Target(role, c)?.Id ?? throw new InvalidOperationException($"no {c} customer for {role}");

    public long KeyPersonId(string role, BolaCase c) => Target(role, c)!.KeyPersonId;

    public long ActivityId(string role, BolaCase c) => Target(role, c)!.ActivityId;

    public static object ActivityBody(string notes) => new { kind = "Call", occurredOn = "2026-11-02", notes };

    /// <summary>Names of customers the role may not see that the body mentions (raw or JSON-escaped).</summary>
    public IEnumerable<string> Leaks(string role, string body) =>
        _scan.Where(s => !s.SeenBy.Contains(role))
            .Where(s => body.Contains(s.Name, StringComparison.Ordinal) || body.Contains(JsonSerializer.Serialize(s.Name).Trim('"'), StringComparison.Ordinal))
            .Select(s => $"body names invisible customer {s.Name}");

    public async Task<BolaOutcome?> Send(string role, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options);
        request.WithIfMatch(ifMatch);
        var response = await _clients[role].SendAsync(request);
        return await Outcome(response);
    }

    private static async Task<BolaOutcome> Outcome(HttpResponseMessage response, string? problem = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            problem ??= $"error answered as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem+json";
        return new BolaOutcome(status, text, problem);
    }

    private async Task<(JsonObject Body, string ETag)> GmRead(string url)
    {
        var response = await Gm.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return (await response.Body(), response.Headers.ETag!.ToString());
    }

    private async Task SetArchived(long id, bool archived)
    {
        var (detail, etag) = await GmRead($"/api/v1/customers/{id}");
        if (detail["archived"]!.GetValue<bool>() == archived)
            return;
        var response = await Gm.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/{(archived ? "archive" : "restore")}").WithIfMatch(etag));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    // ---- probes ----

    public async Task<BolaOutcome?> UpdateCustomer(string role, BolaCase c)
    {
        var id = CustomerId(role, c);
        if (id == Missing)
            return await Send(role, HttpMethod.Put, $"/api/v1/customers/{id}", TestData.NewCustomer("不存在的客户有限公司"), "\"1\"");
        var (d, etag) = await GmRead($"/api/v1/customers/{id}");
        // Ownership is sent as it stands, so that the only reason to refuse is authorisation.
        var body = TestData.NewCustomer(d["name"]!.GetValue<string>(), b =>
        {
            b["creditCode"] = d["creditCode"]!.GetValue<string>();
            b["address"] = $"上海市浦东新区张江路 {Interlocked.Increment(ref _serial)} 号";
            b["ownerId"] = d["owner"]!["id"]!.GetValue<long>();
            b["owningUnitId"] = d["owningUnitId"]!.GetValue<long>();
            b["serviceUnitId"] = d["serviceUnitId"]?.GetValue<long>();
            b["coServerIds"] = d["coServers"]!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ToArray();
        });
        return await Send(role, HttpMethod.Put, $"/api/v1/customers/{id}", body, etag);
    }

    public async Task<BolaOutcome?> ArchiveOrRestore(string role, BolaCase c, bool archive)
    {
        var id = CustomerId(role, c);
        var action = archive ? "archive" : "restore";
        if (id == Missing)
            return await Send(role, HttpMethod.Post, $"/api/v1/customers/{id}/{action}", ifMatch: "\"1\"");
        await SetArchived(id, !archive);
        var (_, etag) = await GmRead($"/api/v1/customers/{id}");
        try
        {
            return await Send(role, HttpMethod.Post, $"/api/v1/customers/{id}/{action}", ifMatch: etag);
        }
        finally
        {
            await SetArchived(id, false);
        }
    }

    public async Task<BolaOutcome?> UpdateKeyPerson(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var url = $"/api/v1/customers/{target.Id}/key-persons/{target.KeyPersonId}";
        var etag = target.Id == Missing ? "\"1\"" : (await GmRead(url)).ETag;
        return await Send(role, HttpMethod.Put, url, new { name = "固定联系人", level = "Executive", title = $"总经理{Interlocked.Increment(ref _serial)}" }, etag);
    }

    public async Task<BolaOutcome?> RemoveKeyPerson(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        if (target.Id == Missing)
            return await Send(role, HttpMethod.Delete, $"/api/v1/customers/{Missing}/key-persons/{Missing}");
        var added = await Gm.PostJson($"/api/v1/customers/{target.Id}/key-persons", new { name = "待删联系人", level = "Executive" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"/api/v1/customers/{target.Id}/key-persons/{(await added.Body())["id"]}";
        return await Send(role, HttpMethod.Delete, url, ifMatch: added.Headers.ETag!.ToString());
    }

    public async Task<BolaOutcome?> UpdateActivity(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var url = $"/api/v1/customers/{target.Id}/activities/{target.ActivityId}";
        var etag = target.Id == Missing ? "\"1\"" : (await GmRead(url)).ETag;
        return await Send(role, HttpMethod.Put, url, ActivityBody($"固定跟进{Interlocked.Increment(ref _serial)}"), etag);
    }

    public async Task<BolaOutcome?> DeleteActivity(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        if (target.Id == Missing)
            return await Send(role, HttpMethod.Delete, $"/api/v1/customers/{Missing}/activities/{Missing}");
        var added = await Gm.PostJson($"/api/v1/customers/{target.Id}/activities", ActivityBody("待删跟进"));
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"/api/v1/customers/{target.Id}/activities/{(await added.Body())["id"]}";
        return await Send(role, HttpMethod.Delete, url, ifMatch: added.Headers.ETag!.ToString());
    }

    public async Task<BolaOutcome?> ListActivities(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/activities?pageSize=100&customerId={target.Id}"))!;
        if (outcome.Status != 200)
            return outcome;
        var listed = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Any(i => i!["id"]!.GetValue<long>() == target.ActivityId);
        return c == BolaCase.Visible && !listed ? outcome with { Problem = $"visible customer {target.Name}'s activity not listed" }
            : c == BolaCase.Invisible && listed ? outcome with { Problem = $"invisible customer {target.Name}'s activity listed" }
            : outcome;
    }

    public async Task<BolaOutcome?> ListObligations(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/obligations?pageSize=100&customerId={target.Id}"))!;
        if (outcome.Status != 200)
            return outcome;
        var listed = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Any(i => i!["customerId"]!.GetValue<long>() == target.Id);
        return c == BolaCase.Visible && !listed ? outcome with { Problem = $"visible customer {target.Name}'s filing not listed" }
            : c == BolaCase.Invisible && listed ? outcome with { Problem = $"invisible customer {target.Name}'s filing listed" }
            : outcome;
    }

    /// <summary>The board lists only the heads of some states: an invisible customer must be on none of them, whatever its filing's state.</summary>
    public async Task<BolaOutcome?> DeadlineBoard(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var outcome = (await Send(role, HttpMethod.Get, "/api/v1/deadline-board?listSize=50"))!;
        if (outcome.Status != 200 || c != BolaCase.Invisible)
            return outcome;
        var board = JsonNode.Parse(outcome.Body)!;
        var listed = new[] { "overdue", "dueSoon", "metLate" }.Any(l => board[l]!.AsArray().Any(i => i!["customerId"]!.GetValue<long>() == target.Id));
        return listed ? outcome with { Problem = $"invisible customer {target.Name}'s filing on the board" } : outcome;
    }

    /// <summary>A fresh complaint about the role's target customer (by the general manager); the missing case names a missing customer.</summary>
    public async Task<BolaOutcome?> OnComplaint(string role, BolaCase c, Func<long, long, Task<BolaOutcome?>> probe)
    {
        if (c == BolaCase.Missing)
            return await probe(Missing, Missing);
        var target = Target(role, c)!;
        var created = await Gm.PostJson($"/api/v1/customers/{target.Id}/complaints", new { subject = "固定投诉", description = "矩阵" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await probe(target.Id, (await created.Body())["id"]!.GetValue<long>());
    }

    public async Task<BolaOutcome?> ListComplaints(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        (await Gm.PostJson($"/api/v1/customers/{target.Id}/complaints", new { subject = "固定投诉", description = "矩阵" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/complaints?pageSize=100&customerId={target.Id}"))!;
        if (outcome.Status != 200)
            return outcome;
        var listed = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Any(i => i!["customerId"]!.GetValue<long>() == target.Id);
        return c == BolaCase.Visible && !listed ? outcome with { Problem = $"visible customer {target.Name}'s complaint not listed" }
            : c == BolaCase.Invisible && listed ? outcome with { Problem = $"invisible customer {target.Name}'s complaint listed" }
            : outcome;
    }

    public async Task<BolaOutcome?> ListFeedbackForms(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        // Every fixed customer has a form (the matrix's own submissions, or this one).
        (await Gm.PostJson($"/api/v1/customers/{target.Id}/feedback-forms", new { situation = "固定反馈" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/feedback-forms?pageSize=100&customerId={target.Id}"))!;
        if (outcome.Status != 200)
            return outcome;
        var listed = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Any(i => i!["customerId"]!.GetValue<long>() == target.Id);
        return c == BolaCase.Visible && !listed ? outcome with { Problem = $"visible customer {target.Name}'s feedback form not listed" }
            : c == BolaCase.Invisible && listed ? outcome with { Problem = $"invisible customer {target.Name}'s feedback form listed" }
            : outcome;
    }

    public async Task<BolaOutcome?> ListCustomers(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/customers?pageSize=100&q={Uri.EscapeDataString(target.Name)}"))!;
        if (outcome.Status != 200)
            return outcome;
        var ids = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        var listed = ids.Contains(target.Id);
        return c == BolaCase.Visible && !listed ? outcome with { Problem = $"visible customer {target.Name} not listed" }
            : c == BolaCase.Invisible && listed ? outcome with { Problem = $"invisible customer {target.Name} listed" }
            : outcome;
    }

    public async Task<BolaOutcome?> CreateCustomer(string role, BolaCase c)
    {
        var pattern = c == BolaCase.Visible ? null : BolaMatrix.InvisiblePattern(role)!;
        var body = TestData.NewCustomer(Name(pattern ?? BolaMatrix.VisiblePattern(role), "新建"), b =>
        {
            if (pattern is null)
                return;
            b["ownerId"] = _staff[pattern.Owner];
            b["owningUnitId"] = _units[pattern.UnitCode];
        });
        return await Send(role, HttpMethod.Post, "/api/v1/customers", body);
    }

    public async Task<BolaOutcome?> ExportDirect(string role)
    {
        var outcome = (await Send(role, HttpMethod.Get, "/api/v1/customers/export?format=csv"))!;
        var visible = _fixed[BolaMatrix.VisiblePattern(role)].Name;
        return outcome.Status == 200 && !outcome.Body.Contains(visible, StringComparison.Ordinal)
            ? outcome with { Problem = $"export lacks visible customer {visible}" }
            : outcome;
    }

    public async Task<BolaOutcome?> StartExport(string role)
    {
        var started = (await Send(role, HttpMethod.Post, "/api/v1/customers/exports", new { format = "csv" }))!;
        if (started.Status != 202)
            return started;
        var id = JsonNode.Parse(started.Body)!["id"]!.GetValue<long>();
        _jobs[role] = id;
        var client = _clients[role];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string status;
        do
        {
            await Task.Delay(100);
            status = (await (await client.GetAsync($"/api/v1/customers/exports/{id}")).Body())["status"]!.GetValue<string>();
        } while (status is not ("Succeeded" or "Failed") && DateTime.UtcNow < deadline);
        if (status != "Succeeded")
            return started with { Problem = $"export job ended {status}" };
        var file = await client.GetAsync($"/api/v1/customers/exports/{id}/file");
        var text = await file.Content.ReadAsStringAsync();
        var visible = _fixed[BolaMatrix.VisiblePattern(role)].Name;
        // The file is the job's real output: scanned for leaks as the body.
        return new BolaOutcome(202, text, text.Contains(visible, StringComparison.Ordinal) ? null : $"export file lacks visible customer {visible}");
    }

    public async Task<BolaOutcome?> ListExports(string role)
    {
        var outcome = (await Send(role, HttpMethod.Get, "/api/v1/customers/exports"))!;
        if (outcome.Status != 200)
            return outcome;
        var others = _jobs.Where(j => j.Key != role).Select(j => j.Value).ToHashSet();
        var ids = JsonNode.Parse(outcome.Body)!.AsArray().Select(j => j!["id"]!.GetValue<long>()).ToList();
        return ids.Any(others.Contains) ? outcome with { Problem = "lists another person's export job" } : outcome;
    }

    public async Task<BolaOutcome?> ExportJob(string role, BolaCase c, string suffix)
    {
        long? id = c switch
        {
            BolaCase.Visible => _jobs.TryGetValue(role, out var own) ? own : null,
            BolaCase.Invisible => _jobs[role == "gm" ? "deputy" : "gm"],
            _ => Missing,
        };
        return id is null ? null : await Send(role, HttpMethod.Get, $"/api/v1/customers/exports/{id}{suffix}");
    }

    /// <summary>A one-row facts import naming the role's visible (or invisible) customer by id.</summary>
    public async Task<BolaOutcome?> StartImport(string role, BolaCase c)
    {
        var pattern = c == BolaCase.Invisible ? BolaMatrix.InvisiblePattern(role) : BolaMatrix.VisiblePattern(role);
        if (pattern is null)
            return null;
        var month = $"2024-{Array.IndexOf(BolaMatrix.Roles, role) + 1:00}";
        var outcome = (await Send(role, HttpMethod.Post, "/api/v1/imports?kind=facts",
            new[] { new { customerId = _fixed[pattern].Id, month, orderAmount = 1m } }))!;
        if (outcome.Status != 201)
            return outcome;
        var job = JsonNode.Parse(outcome.Body)!;
        var failed = job["failed"]!.GetValue<int>();
        if (c == BolaCase.Visible)
        {
            _imports[role] = job["id"]!.GetValue<long>();
            return failed == 0 ? outcome : outcome with { Problem = "the row for a visible customer failed" };
        }
        return failed == 1 ? outcome : outcome with { Problem = "the row for an invisible customer was written" };
    }

    public async Task<BolaOutcome?> ListImports(string role)
    {
        var outcome = (await Send(role, HttpMethod.Get, "/api/v1/imports"))!;
        if (outcome.Status != 200)
            return outcome;
        var others = _imports.Where(j => j.Key != role).Select(j => j.Value).ToHashSet();
        var ids = JsonNode.Parse(outcome.Body)!.AsArray().Select(j => j!["id"]!.GetValue<long>()).ToList();
        return ids.Any(others.Contains) ? outcome with { Problem = "lists another person's import" } : outcome;
    }

    public async Task<BolaOutcome?> Import(string role, BolaCase c, string suffix)
    {
        long? id = c switch
        {
            BolaCase.Visible => _imports.TryGetValue(role, out var own) ? own : null,
            BolaCase.Invisible => _imports[role == "gm" ? "deputy" : "gm"],
            _ => Missing,
        };
        return id is null ? null : await Send(role, HttpMethod.Get, $"/api/v1/imports/{id}{suffix}");
    }

    private static string Successor(string role, string leaver) => role switch
    {
        "east.manager" => leaver == "east.sales2" ? "east.sales1" : "east.sales2",
        "south.manager" => leaver == "south.sales1" ? "south.manager" : "south.sales1",
        "service.manager" => "service.staff1",
        _ => leaver switch { "east.sales1" => "east.sales2", "east.sales2" => "east.sales1", _ => "south.manager" },
    };

    public async Task<BolaOutcome?> CreateHandover(string role, BolaCase c)
    {
        var pattern = c == BolaCase.Invisible ? BolaMatrix.InvisiblePattern(role) : BolaMatrix.VisiblePattern(role);
        if (pattern is null)
            return null;
        // A fresh customer per case: a successful handover moves it.
        var customerId = c == BolaCase.Missing ? Missing : (await NewCustomer(pattern, "移交")).Id;
        return await Send(role, HttpMethod.Post, "/api/v1/handovers", HandoverBody(pattern.Owner, Successor(role, pattern.Owner), customerId));
    }

    public async Task<BolaOutcome?> GetHandover(string role, BolaCase c)
    {
        long? id = c switch
        {
            BolaCase.Visible => role == "service.manager" ? null : _handovers[BolaMatrix.VisiblePattern(role) == BolaMatrix.South ? BolaMatrix.South : BolaMatrix.East],
            BolaCase.Invisible => BolaMatrix.InvisiblePattern(role) is { } p ? _handovers[p] : null,
            _ => Missing,
        };
        return id is null ? null : await Send(role, HttpMethod.Get, $"/api/v1/handovers/{id}");
    }

    public async Task<BolaOutcome?> StaffSummary(string role, BolaCase c)
    {
        var pattern = c == BolaCase.Invisible ? BolaMatrix.InvisiblePattern(role) : BolaMatrix.VisiblePattern(role);
        if (pattern is null)
            return null;
        var staffId = c == BolaCase.Missing ? Missing : _staff[pattern.Owner];
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/org/staff/{staffId}/customers/summary"))!;
        if (outcome.Status != 200)
            return outcome;
        // The counts must be what the caller's own list shows for that owner: nothing beyond their sight.
        var summary = JsonNode.Parse(outcome.Body)!;
        var client = _clients[role];
        var owned = (await (await client.GetAsync($"/api/v1/customers?pageSize=1&ownerId={staffId}")).Body())["total"]!.GetValue<int>();
        var archived = (await (await client.GetAsync($"/api/v1/customers?pageSize=1&archived=true&ownerId={staffId}")).Body())["total"]!.GetValue<int>();
        return summary["owned"]!.GetValue<int>() == owned && summary["archived"]!.GetValue<int>() == archived
            ? outcome
            : outcome with { Problem = $"summary {outcome.Body} differs from the caller's list (owned {owned}, archived {archived})" };
    }

    public async Task<BolaOutcome?> RequestAccess(string role, BolaCase c) =>
        await Send(role, HttpMethod.Post, "/api/v1/access/requests", new { customerId = CustomerId(role, c), reason = "BOLA 矩阵测试", days = 3 });

    public async Task<BolaOutcome?> ListRequests(string role, BolaCase c)
    {
        var box = c == BolaCase.Visible ? "Mine" : "Inbox";
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/access/requests?box={box}&pageSize=100"))!;
        if (outcome.Status != 200)
            return outcome;
        var me = _staff[role];
        var foreign = JsonNode.Parse(outcome.Body)!["items"]!.AsArray()
            .Where(i => box == "Mine"
                ? i!["requester"]!["id"]!.GetValue<long>() != me
                : i!["approver"]!["id"]!.GetValue<long>() != me && role is not ("gm" or "deputy" or "admin"))
            .Select(i => i!["id"]!.ToJsonString()).ToList();
        return foreign.Count == 0 ? outcome : outcome with { Problem = $"box {box} shows others' requests {string.Join(",", foreign)}" };
    }

    public async Task<BolaOutcome?> OnRequest(string role, BolaCase c, string? action)
    {
        var shape = c switch
        {
            BolaCase.Visible => BolaMatrix.ReadableShape(role),
            BolaCase.Invisible => BolaMatrix.UnreadableShape(role),
            _ => BolaMatrix.RequestShapes[0],
        };
        if (shape is null)
            return null;
        // A read uses the fixed request; a decision a fresh one, so that every case meets a pending request.
        var id = c == BolaCase.Missing ? Missing : action is null ? _requests[shape.Name] : await NewRequest(shape);
        return action is null
            ? await Send(role, HttpMethod.Get, $"/api/v1/access/requests/{id}")
            : await Send(role, HttpMethod.Post, $"/api/v1/access/requests/{id}/{action}", action == "cancel" ? null : new { comment = "矩阵测试" });
    }

    public async Task<BolaOutcome?> ListGrants(string role, BolaCase c)
    {
        var shape = c == BolaCase.Visible ? BolaMatrix.ReadableShape(role) : BolaMatrix.UnreadableShape(role);
        if (shape is null)
            return null;
        var outcome = (await Send(role, HttpMethod.Get, "/api/v1/access/grants?pageSize=100"))!;
        if (outcome.Status != 200)
            return outcome;
        var listed = JsonNode.Parse(outcome.Body)!["items"]!.AsArray().Any(g => g!["id"]!.GetValue<long>() == _grants[shape.Name]);
        return listed == (c == BolaCase.Visible) ? outcome : outcome with { Problem = $"grant of {shape.Name} {(listed ? "listed" : "missing")}" };
    }

    public async Task<BolaOutcome?> RevokeGrant(string role, BolaCase c)
    {
        var shape = c switch
        {
            BolaCase.Visible => BolaMatrix.ReadableShape(role),
            BolaCase.Invisible => BolaMatrix.UnreadableShape(role),
            _ => BolaMatrix.RequestShapes[0],
        };
        if (shape is null)
            return null;
        var id = c == BolaCase.Missing ? Missing : await NewGrant(shape);
        return await Send(role, HttpMethod.Post, $"/api/v1/access/grants/{id}/revoke", new { reason = "矩阵测试" });
    }

    private long? _ratingRun;

    /// <summary>One run over the fixture's customers, started once by the customer-management department and left under review.</summary>
    public async Task<BolaOutcome?> RatingRun(string role, BolaCase c, string action)
    {
        if (_ratingRun is null)
        {
            var marketing = _clients["marketing1"];
            var started = await marketing.PostJson("/api/v1/grading/runs", new { });
            started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            _ratingRun = (await started.Body())["id"]!.GetValue<long>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await (await marketing.GetAsync($"/api/v1/grading/runs/{_ratingRun}")).Body())["status"]!.GetValue<string>() is "Queued" or "Running"
                   && DateTime.UtcNow < deadline)
                await Task.Delay(200);
        }
        var id = c == BolaCase.Missing ? Missing : _ratingRun.Value;
        return action == "proposals"
            ? await Send(role, HttpMethod.Get, $"/api/v1/grading/runs/{id}/proposals?pageSize=100")
            : await Send(role, HttpMethod.Post, $"/api/v1/grading/runs/{id}/decisions",
                new { decision = "Reject", customerIds = new[] { CustomerId(role, BolaCase.Visible) }, note = "BOLA 矩阵测试" });
    }

    public async Task<BolaOutcome?> Lookup(string role, BolaCase c)
    {
        var target = Target(role, c)!;
        var outcome = (await Send(role, HttpMethod.Get, $"/api/v1/access/customer-lookup?name={Uri.EscapeDataString(target.Name)}"))!;
        if (outcome.Status != 200)
            return outcome;
        var hits = JsonNode.Parse(outcome.Body)!.AsArray();
        if (hits.Count != 1)
            return outcome with { Problem = $"expected one hit, got {hits.Count}" };
        var hit = hits[0]!.AsObject();
        var extra = hit.Select(p => p.Key).Except(["customerId", "name", "owningUnitId", "owningUnitName", "visibleToYou"]).ToList();
        if (extra.Count > 0)
            return outcome with { Problem = $"lookup reveals more than id and unit: {string.Join(",", extra)}" };
        return hit["visibleToYou"]!.GetValue<bool>() == (c == BolaCase.Visible) ? outcome : outcome with { Problem = "visibleToYou is wrong" };
    }
}

public sealed class BolaMatrixTests(SqliteApiFixture fixture) : BolaMatrixTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class BolaMatrixTestsOnSqlServer(SqlServerApiFixture fixture) : BolaMatrixTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
