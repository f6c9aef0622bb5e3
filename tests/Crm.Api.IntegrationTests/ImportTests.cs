using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Api.Data;
using Crm.Api.Domain.Imports;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 5: bulk import of customers and monthly facts as CSV, XLSX or JSON, with per-row errors.</summary>
public abstract class ImportTestsBase(ApiFixture fixture)
{
    public const int SynchronousRows = 50;
    public const int MaxRows = 25_000;
    public const long MaxFileBytes = 1_500_000;

    private ApiFixture Api => fixture.Ready();

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] file, string fileName, string kind, string? mode = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? Xlsx : "text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (mode is not null)
            form.Add(new StringContent(mode), "mode");
        return await client.PostAsync("/api/v1/imports", form);
    }

    private static byte[] Csv(string text, bool bom = true) =>
        bom ? [0xEF, 0xBB, 0xBF, ..Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    private static async Task<JsonObject> Finished(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static async Task<JsonObject> Customer(HttpClient client, string name)
    {
        var ids = await client.ListIds($"q={Uri.EscapeDataString(name)}");
        ids.Count.ShouldBe(1, $"customers named {name}");
        return await (await client.GetAsync($"/api/v1/customers/{ids[0]}")).Body();
    }

    private static async Task<List<JsonNode>> Errors(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/imports/{id}/errors?pageSize=100");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Body())["items"]!.AsArray().Select(e => e!).ToList();
    }

    [Fact]
    public async Task A_csv_with_chinese_headers_creates_customers_and_a_second_import_updates_them()
    {
        var sales = await Api.As("east.sales1");
        var (a, b) = (TestData.UniqueName("导入甲"), TestData.UniqueName("导入乙"));
        var (codeA, codeB) = (TestData.CreditCode(), TestData.CreditCode());
        var csv = $"客户名称,统一社会信用代码,企业性质,类别,状态,地区,地址,标签\n{a},{codeA},民营企业,经销商,合作中,上海,上海市浦东新区 1 号,展会;老客户\n" +
                  $"{b},{codeB},Private,Retailer,Potential,杭州,杭州市西湖区 2 号,\n";

        var first = await Finished(await Upload(sales, Csv(csv), "客户.csv", "customers"));

        first["status"]!.GetValue<string>().ShouldBe("Succeeded");
        first["kind"]!.GetValue<string>().ShouldBe("Customers");
        first["format"]!.GetValue<string>().ShouldBe("Csv");
        first["created"]!.GetValue<int>().ShouldBe(2);
        first["total"]!.GetValue<int>().ShouldBe(2);
        first["percent"]!.GetValue<int>().ShouldBe(100);
        var created = await Customer(sales, a);
        created["enterpriseNature"]!.GetValue<string>().ShouldBe("Private");
        created["status"]!.GetValue<string>().ShouldBe("Active");
        var me = await sales.StaffId("east.sales1");
        var history = (await (await sales.GetAsync($"/api/v1/customers/{created["id"]}/history")).Body())["items"]!.AsArray();
        history.ShouldContain(h => h!["action"]!.GetValue<string>() == "Created" && h["by"]!["id"]!.GetValue<long>() == me);

        var again = csv.Replace("上海市浦东新区 1 号", "上海市徐汇区 9 号", StringComparison.Ordinal);
        var second = await Finished(await Upload(sales, Csv(again, bom: false), "客户.csv", "customers"));

        second["status"]!.GetValue<string>().ShouldBe("Succeeded");
        second["created"]!.GetValue<int>().ShouldBe(0);
        second["updated"]!.GetValue<int>().ShouldBe(2);
        (await Customer(sales, a))["address"]!.GetValue<string>().ShouldBe("上海市徐汇区 9 号");
        (await sales.ListIds($"q={Uri.EscapeDataString(b)}")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_xlsx_upserts_customers_by_external_id()
    {
        var manager = await Api.As("east.manager");
        var name = TestData.UniqueName("外部");
        var external = "ERP-" + Guid.NewGuid().ToString("N")[..8];
        byte[] Sheet(string customerName)
        {
            using var stream = new MemoryStream();
            stream.SaveAs(new[]
            {
                new Dictionary<string, object?>
                {
                    ["externalId"] = external, ["name"] = customerName, ["creditCode"] = TestData.CreditCode(), ["enterpriseNature"] = "StateOwned",
                    ["category"] = "EndUser", ["registeredCapital"] = 5_000_000, ["foundedOn"] = new DateTime(2001, 5, 8),
                },
            }, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }

        var first = await Finished(await Upload(manager, Sheet(name), "customers.xlsx", "customers"));
        first["created"]!.GetValue<int>().ShouldBe(1, first.ToJsonString());
        first["format"]!.GetValue<string>().ShouldBe("Xlsx");
        var customer = await Customer(manager, name);
        customer["registeredCapital"]!.GetValue<decimal>().ShouldBe(5_000_000m);
        customer["foundedOn"]!.GetValue<string>().ShouldBe("2001-05-08");
        customer["externalId"]!.GetValue<string>().ShouldBe(external);

        // Same external id, a new name and even a new credit code: the same archive changes.
        var renamed = TestData.UniqueName("外部改名");
        var second = await Finished(await Upload(manager, Sheet(renamed), "customers.xlsx", "customers"));

        second["updated"]!.GetValue<int>().ShouldBe(1, string.Join("; ", (await Errors(manager, second["id"]!.GetValue<long>())).Select(e => e.ToJsonString())));
        (await Customer(manager, renamed))["id"]!.GetValue<long>().ShouldBe(customer["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Best_effort_writes_the_valid_rows_and_reports_each_bad_one_with_row_field_and_message_also_as_csv()
    {
        var sales = await Api.As("east.sales1");
        var good = TestData.UniqueName("有效");
        var rows = new object[]
        {
            new { name = good, creditCode = TestData.CreditCode(), enterpriseNature = "Private", category = "Distributor" },
            new { name = TestData.UniqueName("无效"), creditCode = "91310000ABCDEFGHIJ", enterpriseNature = "Private", category = "Distributor" },
            new { name = TestData.UniqueName("无效"), creditCode = TestData.CreditCode(), enterpriseNature = "国企", category = "Distributor", foundedOn = "昨天" },
        };

        var job = await Finished(await sales.PostJson("/api/v1/imports?kind=customers", rows));

        job["status"]!.GetValue<string>().ShouldBe("PartiallySucceeded");
        job["format"]!.GetValue<string>().ShouldBe("Json");
        job["created"]!.GetValue<int>().ShouldBe(1);
        job["failed"]!.GetValue<int>().ShouldBe(2);
        (await sales.ListIds($"q={Uri.EscapeDataString(good)}")).Count.ShouldBe(1);
        var id = job["id"]!.GetValue<long>();
        var errors = await Errors(sales, id);
        errors.ShouldContain(e => e["row"]!.GetValue<int>() == 2 && e["field"]!.GetValue<string>() == "creditCode"
                                  && e["message"]!.GetValue<string>().Contains("统一社会信用代码无效"));
        errors.ShouldContain(e => e["row"]!.GetValue<int>() == 3 && e["field"]!.GetValue<string>() == "enterpriseNature");
        errors.ShouldContain(e => e["row"]!.GetValue<int>() == 3 && e["field"]!.GetValue<string>() == "foundedOn");
        errors.ShouldNotContain(e => e["row"]!.GetValue<int>() == 1);

        var csv = await sales.GetAsync($"/api/v1/imports/{id}/errors?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim().ShouldBe("行号,字段,列名,错误信息");
        lines.Length.ShouldBe(1 + errors.Count);
        lines[1].ShouldStartWith("2,creditCode,统一社会信用代码,");

        var xlsx = await sales.GetAsync($"/api/v1/imports/{id}/errors?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        stream.Query(useHeaderRow: true).Count().ShouldBe(errors.Count);
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_one_row_is_bad()
    {
        var sales = await Api.As("east.sales1");
        var names = new[] { TestData.UniqueName("全有甲"), TestData.UniqueName("全有乙") };
        var csv = $"name,creditCode,enterpriseNature,category\n{names[0]},{TestData.CreditCode()},Private,Distributor\n" +
                  $"{names[1]},{TestData.CreditCode()},Private,Distributor\n{TestData.UniqueName("全有丙")},{TestData.CreditCode()},Private,\n";

        var job = await Finished(await Upload(sales, Csv(csv), "all.csv", "customers", "allOrNothing"));

        job["status"]!.GetValue<string>().ShouldBe("Failed");
        job["mode"]!.GetValue<string>().ShouldBe("AllOrNothing");
        job["created"]!.GetValue<int>().ShouldBe(0);
        job["failed"]!.GetValue<int>().ShouldBe(1);
        job["error"]!.GetValue<string>().ShouldContain("未写入任何数据");
        foreach (var name in names)
            (await sales.ListIds($"q={Uri.EscapeDataString(name)}")).ShouldBeEmpty();
        (await Errors(sales, job["id"]!.GetValue<long>())).ShouldContain(e => e["row"]!.GetValue<int>() == 4 && e["field"]!.GetValue<string>() == "category");

        var fixedCsv = csv.Replace("Private,\n", "Private,Retailer\n", StringComparison.Ordinal);
        var retried = await Finished(await Upload(sales, Csv(fixedCsv), "all.csv", "customers", "allOrNothing"));
        retried["status"]!.GetValue<string>().ShouldBe("Succeeded");
        retried["created"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task The_same_customer_twice_in_one_file_is_an_error_on_the_second_row()
    {
        var sales = await Api.As("east.sales1");
        var code = TestData.CreditCode();
        var name = TestData.UniqueName("重复");
        var csv = $"name,creditCode,enterpriseNature,category\n{name},{code},Private,Retailer\n{name}二,{code},Private,Retailer\n,,Private,Retailer\n,,Private,Retailer\n";

        var job = await Finished(await Upload(sales, Csv(csv), "dup.csv", "customers"));

        job["created"]!.GetValue<int>().ShouldBe(1);
        job["failed"]!.GetValue<int>().ShouldBe(3);
        var errors = await Errors(sales, job["id"]!.GetValue<long>());
        errors.ShouldContain(e => e["row"]!.GetValue<int>() == 3 && e["field"]!.GetValue<string>() == "creditCode"
                                  && e["message"]!.GetValue<string>().Contains("与第 2 行是同一客户"));
        // Rows without a credit code are missing one, not duplicates of each other.
        errors.Where(e => e["row"]!.GetValue<int>() == 5).ShouldContain(e => e["field"]!.GetValue<string>() == "name");
        errors.ShouldNotContain(e => e["row"]!.GetValue<int>() == 5 && e["message"]!.GetValue<string>().Contains("同一客户"));
    }

    [Fact]
    public async Task Facts_are_upserted_by_credit_code_or_id_and_month()
    {
        var sales = await Api.As("east.sales1");
        var code = TestData.CreditCode();
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("经营导入"), b => b["creditCode"] = code)))["id"]!.GetValue<long>();
        var csv = $"统一社会信用代码,月份,订单金额,销量,计量单位,按时回款比例,不良信用\n{code},2025-01,1000.5,12,t,0.9,否\n{code},2025-02,2000,8,t,1,否\n";

        var first = await Finished(await Upload(sales, Csv(csv), "facts.csv", "facts"));
        first["status"]!.GetValue<string>().ShouldBe("Succeeded", first.ToJsonString());
        first["created"]!.GetValue<int>().ShouldBe(2);

        var json = new object[] { new { customerId = id, month = "2025-02", orderAmount = 2500m }, new { customerId = id, month = "2025-03", orderAmount = 10m } };
        var second = await Finished(await sales.PostJson("/api/v1/imports?kind=facts", json));
        second["created"]!.GetValue<int>().ShouldBe(1);
        second["updated"]!.GetValue<int>().ShouldBe(1);

        var facts = await (await sales.GetAsync($"/api/v1/customers/{id}/facts?from=2025-01&to=2025-12")).Body();
        var months = facts["months"]!.AsArray();
        months.Count.ShouldBe(3);
        months[0]!["orderAmount"]!.GetValue<decimal>().ShouldBe(1000.5m);
        months[0]!["onTimePaymentRatio"]!.GetValue<decimal>().ShouldBe(0.9m);
        months[1]!["orderAmount"]!.GetValue<decimal>().ShouldBe(2500m);
    }

    [Fact]
    public async Task Rows_for_customers_the_importer_may_not_see_are_row_errors_that_do_not_reveal_them()
    {
        var south = await Api.As("south.sales1");
        var code = TestData.CreditCode();
        var hidden = TestData.UniqueName("华南隐藏");
        await south.CreateCustomer(TestData.NewCustomer(hidden, b => b["creditCode"] = code));
        var east = await Api.As("east.sales1");

        var facts = await Finished(await east.PostJson("/api/v1/imports?kind=facts",
            new object[] { new { creditCode = code, month = "2025-05", orderAmount = 1m }, new { creditCode = TestData.CreditCode(), month = "2025-05", orderAmount = 1m } }));
        facts["status"]!.GetValue<string>().ShouldBe("Failed");
        var factErrors = await Errors(east, facts["id"]!.GetValue<long>());
        factErrors.Select(e => (e["row"]!.GetValue<int>(), e["field"]!.GetValue<string>(), e["message"]!.GetValue<string>()))
            .ShouldBe([(1, "creditCode", "客户不存在或无权维护。"), (2, "creditCode", "客户不存在或无权维护。")]);

        var customers = await Finished(await east.PostJson("/api/v1/imports?kind=customers",
            new object[] { new { name = "改名企图贸易有限公司", creditCode = code, enterpriseNature = "Private", category = "Retailer" } }));
        customers["failed"]!.GetValue<int>().ShouldBe(1);
        var errors = await Errors(east, customers["id"]!.GetValue<long>());
        errors.Single()["message"]!.GetValue<string>().ShouldBe("客户不存在或无权维护。");
        (await Customer(await Api.As("gm"), hidden))["name"]!.GetValue<string>().ShouldBe(hidden);
    }

    [Fact]
    public async Task Importing_needs_customers_write_and_imports_are_their_creators_alone()
    {
        var admin = await Api.As("admin");
        var refused = await admin.PostJson("/api/v1/imports?kind=facts", new object[] { new { customerId = 1, month = "2025-01", orderAmount = 1m } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Body())["detail"]!.GetValue<string>().ShouldContain("customers.write");

        var sales = await Api.As("east.sales1");
        var job = await Finished(await sales.PostJson("/api/v1/imports?kind=facts", new object[] { new { customerId = 1, month = "2025-01", orderAmount = -1m } }));
        var id = job["id"]!.GetValue<long>();
        var other = await Api.As("east.sales2");
        (await other.GetAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/imports/{id}/errors")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/imports/{id}/errors?format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = JsonNode.Parse(await other.GetStringAsync("/api/v1/imports"))!.AsArray();
        list.ShouldNotContain(j => j!["id"]!.GetValue<long>() == id);
        (await admin.GetAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Files_that_cannot_be_imported_are_refused_as_a_whole()
    {
        var sales = await Api.As("east.sales1");

        var tooLarge = await Upload(sales, new byte[MaxFileBytes + 1], "big.csv", "facts");
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.Body())["code"]!.GetValue<string>().ShouldBe("importFileTooLarge");

        var many = new StringBuilder("customerId,month,orderAmount\n");
        for (var i = 0; i <= MaxRows; i++)
            many.Append("1,2020-01,1\n");
        var tooMany = await Upload(sales, Csv(many.ToString()), "many.csv", "facts");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Body())["code"]!.GetValue<string>().ShouldBe("importTooManyRows");

        var missing = await Upload(sales, Csv("名称,地址\n甲,乙\n"), "wrong.csv", "customers");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Body())["code"]!.GetValue<string>().ShouldBe("importMissingColumns");

        var noKind = await sales.PostJson("/api/v1/imports", new object[] { new { name = "x" } });
        noKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await noKind.Body(), "kind");
    }

    [Fact]
    public async Task A_large_file_runs_in_the_background_with_progress_until_it_succeeds()
    {
        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("后台导入"))))["id"]!.GetValue<long>();
        var csv = new StringBuilder("customerId,month,orderAmount\n");
        var months = Enumerable.Range(0, SynchronousRows * 4).Select(i => new DateOnly(1990, 1, 1).AddMonths(i)).ToList();
        foreach (var month in months)
            csv.Append(CultureInfo.InvariantCulture, $"{id},{month:yyyy-MM},{month.Month * 100}\n");

        var started = await Upload(sales, Csv(csv.ToString()), "facts.csv", "facts");

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await started.Body();
        job["status"]!.GetValue<string>().ShouldBe("Queued");
        job["total"]!.GetValue<int>().ShouldBe(months.Count);
        started.Headers.Location!.ToString().ShouldBe($"/api/v1/imports/{job["id"]}");
        var done = await ImportPolling.WaitAsync(sales, job["id"]!.GetValue<long>(), TimeSpan.FromSeconds(60));
        done["status"]!.GetValue<string>().ShouldBe("Succeeded", done.ToJsonString());
        done["done"]!.GetValue<int>().ShouldBe(months.Count);
        done["created"]!.GetValue<int>().ShouldBe(months.Count);
        done["percent"]!.GetValue<int>().ShouldBe(100);
        done["startedAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_import_left_running_by_an_instance_that_died_is_taken_over_and_finished()
    {
        var sales = await Api.As("east.sales1");
        var staffId = await sales.StaffId("east.sales1");
        var customerId = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("接管导入"))))["id"]!.GetValue<long>();
        long id;
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var past = DateTimeOffset.UtcNow.AddMinutes(-10);
            var job = new ImportJob(staffId, ImportKind.Facts, ImportFormat.Csv, ImportMode.BestEffort, "facts.csv", 2, past);
            job.StartInline("dead-instance", past, past.AddMinutes(2));
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            db.ImportPayloads.Add(new ImportPayload(job.Id, Csv($"customerId,month,orderAmount\n{customerId},2025-01,5\n{customerId},2025-02,6\n")));
            await db.SaveChangesAsync();
            id = job.Id;
        }

        var done = await ImportPolling.WaitAsync(sales, id, TimeSpan.FromSeconds(30));

        done["status"]!.GetValue<string>().ShouldBe("Succeeded", done.ToJsonString());
        done["created"]!.GetValue<int>().ShouldBe(2);
        var facts = await (await sales.GetAsync($"/api/v1/customers/{customerId}/facts?from=2025-01&to=2025-12")).Body();
        facts["months"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_20_000_row_facts_csv_imports_completely()
    {
        var gm = await Api.As("gm");
        var customers = (await (await gm.GetAsync("/api/v1/customers?pageSize=50")).Body())["items"]!.AsArray()
            .Select(c => c!["id"]!.GetValue<long>()).ToList();
        customers.Count.ShouldBe(50);
        var csv = new StringBuilder("customerId,month,orderAmount,volume,profitContribution\n");
        var start = new DateOnly(1980, 1, 1);
        foreach (var customer in customers)
            for (var m = 0; m < 400; m++)
                csv.Append(CultureInfo.InvariantCulture, $"{customer},{start.AddMonths(m):yyyy-MM},{m * 10 + 1}.5,{m},{m}\n");

        var started = await Upload(gm, Csv(csv.ToString()), "facts-20000.csv", "facts");

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var done = await ImportPolling.WaitAsync(gm, (await started.Body())["id"]!.GetValue<long>(), TimeSpan.FromMinutes(5));
        done["status"]!.GetValue<string>().ShouldBe("Succeeded", done.ToJsonString());
        (done["created"]!.GetValue<int>() + done["updated"]!.GetValue<int>()).ShouldBe(20_000);
    }
}

internal static class ImportPolling
{
    public static async Task<JsonObject> WaitAsync(HttpClient client, long id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await (await client.GetAsync($"/api/v1/imports/{id}")).Body();
            var status = job["status"]!.GetValue<string>();
            if (status is "Succeeded" or "PartiallySucceeded" or "Failed" || DateTime.UtcNow > deadline)
                return job;
            await Task.Delay(200);
        }
    }
}

public sealed class ImportSqliteFixture : SqliteApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => ImportSettings.All;
}

public sealed class ImportSqlServerFixture : SqlServerApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => ImportSettings.All;
}

internal static class ImportSettings
{
    public static readonly IReadOnlyList<KeyValuePair<string, string?>> All =
    [
        new("Import:SynchronousRows", ImportTestsBase.SynchronousRows.ToString(CultureInfo.InvariantCulture)),
        new("Import:MaxRows", ImportTestsBase.MaxRows.ToString(CultureInfo.InvariantCulture)),
        new("Import:MaxFileBytes", ImportTestsBase.MaxFileBytes.ToString(CultureInfo.InvariantCulture)),
        new("Import:BatchRows", "50"),
        new("Import:PollInterval", "00:00:00.200"),
    ];
}

public sealed class ImportTests(ImportSqliteFixture fixture) : ImportTestsBase(fixture), IClassFixture<ImportSqliteFixture>;

public sealed class ImportTestsOnSqlServer(ImportSqlServerFixture fixture) : ImportTestsBase(fixture), IClassFixture<ImportSqlServerFixture>;
