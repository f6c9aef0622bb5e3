using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

public abstract class FactsTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task<long> NewCustomer(HttpClient client, Action<Dictionary<string, object?>>? tweak = null) =>
        (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("经营"), tweak)))["id"]!.GetValue<long>();

    private static object Month(decimal amount, decimal volume = 10m, decimal? share = 0.3m, int overdue = 0, bool badCredit = false) => new
    {
        orderAmount = amount, volume, volumeUnit = "t", profitContribution = amount / 10, daysOverdue = overdue, onTimePaymentRatio = 0.95m,
        shareOfWallet = share, referrals = 1, badCredit, source = "manual",
    };

    private static Task<HttpResponseMessage> Put(HttpClient client, long customerId, string month, object body) =>
        client.PutJson($"/api/v1/customers/{customerId}/facts/{month}", body, null);

    [Fact]
    public async Task Entering_a_month_creates_it_and_entering_it_again_updates_it_with_a_new_version()
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);

        var first = await Put(client, id, "2026-03", Month(1000m));
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var created = await first.Body();
        created["month"]!.GetValue<string>().ShouldBe("2026-03");
        created["version"]!.GetValue<int>().ShouldBe(1);

        var second = await Put(client, id, "2026-03", Month(2500.5m));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await second.Body();
        updated["version"]!.GetValue<int>().ShouldBe(2);
        updated["orderAmount"]!.GetValue<decimal>().ShouldBe(2500.5m);

        var facts = await (await client.GetAsync($"/api/v1/customers/{id}/facts?from=2026-01&to=2026-12")).Body();
        facts["months"]!.AsArray().Count.ShouldBe(1);
        facts["months"]![0]!["orderAmount"]!.GetValue<decimal>().ShouldBe(2500.5m);
    }

    [Theory]
    [InlineData("2026-03", "shareOfWallet", 1.5, 100)]
    [InlineData("2026-03", "orderAmount", 0.3, -1)]
    public async Task Out_of_range_figures_are_400_on_their_fields(string month, string field, double share, double amount)
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);

        var response = await Put(client, id, month, Month((decimal)amount, share: (decimal)share));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), field);
    }

    [Fact]
    public async Task A_month_that_does_not_exist_is_a_400_on_month()
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);

        var response = await Put(client, id, "2026-13", Month(100m));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), "month");
        var get = await client.GetAsync($"/api/v1/customers/{id}/facts?from=2026-13");
        get.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await get.Body(), "from");
    }

    [Fact]
    public async Task A_customer_the_caller_cannot_see_is_404_for_reading_and_entering_facts()
    {
        var id = await NewCustomer(await Api.As("east.sales1"));
        await Put(await Api.As("east.sales1"), id, "2026-03", Month(100m));
        var other = await Api.As("east.sales2");

        (await other.GetAsync($"/api/v1/customers/{id}/facts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Put(other, id, "2026-03", Month(999m))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Put(other, 999_999_999, "2026-03", Month(999m))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reader_without_customers_write_gets_403_and_nothing_changes()
    {
        var owner = await Api.As("east.sales1");
        var id = await NewCustomer(owner);
        await Put(owner, id, "2026-03", Month(100m));
        var admin = await Api.As("admin");

        var response = await Put(admin, id, "2026-03", Month(999m));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var facts = await (await admin.GetAsync($"/api/v1/customers/{id}/facts?from=2026-03&to=2026-03")).Body();
        facts["months"]![0]!["orderAmount"]!.GetValue<decimal>().ShouldBe(100m);
    }

    private static JsonObject Row(long customerId, string month, decimal amount, decimal? share = 0.2m) => new()
    {
        ["customerId"] = customerId, ["month"] = month, ["orderAmount"] = amount, ["volume"] = 5m, ["shareOfWallet"] = share,
    };

    [Fact]
    public async Task A_bulk_load_with_allOrNothing_writes_nothing_when_one_row_is_bad()
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);

        var response = await client.PostJson("/api/v1/facts/bulk", new
        {
            allOrNothing = true,
            rows = new[] { Row(id, "2026-01", 100m), Row(id, "2026-02", 200m, share: 1.5m), Row(id, "2026-03", 300m) },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        problem["code"]!.GetValue<string>().ShouldBe("bulkRejected");
        var results = problem["results"]!.AsArray();
        results[1]!["status"]!.GetValue<string>().ShouldBe("error");
        results[1]!["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("shareOfWallet");
        results[0]!["status"]!.GetValue<string>().ShouldNotBe("created");
        var facts = await (await client.GetAsync($"/api/v1/customers/{id}/facts?from=2026-01&to=2026-12")).Body();
        facts["months"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bulk_load_without_allOrNothing_writes_the_good_rows_and_reports_the_bad_one()
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);
        await Put(client, id, "2026-03", Month(1m));

        var response = await client.PostJson("/api/v1/facts/bulk", new
        {
            allOrNothing = false,
            rows = new[] { Row(id, "2026-01", 100m), Row(id, "2026-02", -5m), Row(id, "2026-03", 300m), Row(id, "2026-13", 1m) },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Body();
        report["created"]!.GetValue<int>().ShouldBe(1);
        report["updated"]!.GetValue<int>().ShouldBe(1);
        report["failed"]!.GetValue<int>().ShouldBe(2);
        var results = report["results"]!.AsArray();
        results.Select(r => r!["status"]!.GetValue<string>()).ShouldBe(["created", "error", "updated", "error"]);
        results[1]!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldContain("orderAmount");
        results[3]!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldContain("month");
        var facts = await (await client.GetAsync($"/api/v1/customers/{id}/facts?from=2026-01&to=2026-12")).Body();
        facts["months"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()).ShouldBe(["2026-01", "2026-03"]);
        facts["months"]![1]!["orderAmount"]!.GetValue<decimal>().ShouldBe(300m);
    }

    [Fact]
    public async Task Bulk_rows_for_customers_the_caller_cannot_write_are_error_rows_that_reveal_nothing()
    {
        var mine = await NewCustomer(await Api.As("east.sales2"));
        var hidden = await NewCustomer(await Api.As("east.sales1"));
        var client = await Api.As("east.sales2");

        var response = await client.PostJson("/api/v1/facts/bulk", new
        {
            rows = new[] { Row(mine, "2026-01", 100m), Row(hidden, "2026-01", 100m), Row(999_999_999, "2026-01", 100m) },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await response.Body())["results"]!.AsArray();
        results[0]!["status"]!.GetValue<string>().ShouldBe("created");
        results[1]!["status"]!.GetValue<string>().ShouldBe("error");
        results[1]!["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("customerId");
        results[1]!["errors"]!.ToJsonString().ShouldBe(results[2]!["errors"]!.ToJsonString());
        var owner = await Api.As("east.sales1");
        (await (await owner.GetAsync($"/api/v1/customers/{hidden}/facts?from=2026-01&to=2026-01")).Body())["months"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task More_than_the_row_cap_is_a_400()
    {
        var client = await Api.As("east.sales1");
        var rows = Enumerable.Range(0, 5_001).Select(i => Row(1, "2026-01", 1m)).ToArray();

        var response = await client.PostJson("/api/v1/facts/bulk", new { rows });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), "rows");
    }

    [Fact]
    public async Task Totals_sum_the_months_of_the_range()
    {
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client);
        foreach (var (month, body) in new[] { ("2025-12", Month(9999m, badCredit: true)), ("2026-01", Month(1000m, volume: 10m, share: 0.2m, overdue: 5)),
                     ("2026-02", Month(2000.20m, volume: 20m, share: null, overdue: 12)), ("2026-04", Month(500m, volume: 30m, share: 0.35m, overdue: 0)) })
            (await Put(client, id, month, body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var facts = await (await client.GetAsync($"/api/v1/customers/{id}/facts?from=2026-01&to=2026-12")).Body();

        facts["months"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()).ShouldBe(["2026-01", "2026-02", "2026-04"]);
        var totals = facts["totals"]!;
        totals["monthsWithData"]!.GetValue<int>().ShouldBe(3);
        totals["orderAmount"]!.GetValue<decimal>().ShouldBe(3500.20m);
        totals["averageMonthlyVolume"]!.GetValue<decimal>().ShouldBe(20m);
        totals["volumeUnit"]!.GetValue<string>().ShouldBe("t");
        totals["latestShareOfWallet"]!.GetValue<decimal>().ShouldBe(0.35m);
        totals["maxDaysOverdue"]!.GetValue<int>().ShouldBe(12);
        totals["anyBadCredit"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Cooperation_years_count_from_the_cooperation_start()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var start = today.AddYears(-3);
        var client = await Api.As("east.sales1");
        var id = await NewCustomer(client, b =>
        {
            b["firstContactOn"] = start.AddMonths(-1).ToString("yyyy-MM-dd");
            b["cooperationStartOn"] = start.ToString("yyyy-MM-dd");
        });

        var facts = await (await client.GetAsync($"/api/v1/customers/{id}/facts")).Body();

        facts["cooperationYears"]!.GetValue<int>().ShouldBe(3);
        facts["cooperationStartOn"]!.GetValue<string>().ShouldBe(start.ToString("yyyy-MM-dd"));
    }
}

public sealed class FactsTests(SqliteApiFixture fixture) : FactsTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class FactsTestsOnSqlServer(SqlServerApiFixture fixture) : FactsTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
