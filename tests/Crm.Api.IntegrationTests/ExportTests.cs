using System.Globalization;
using System.Net;
using System.Text;
using Crm.Api.IntegrationTests.Infrastructure;
using CsvHelper;
using MiniExcelLibs;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 4 point 5: CSV/XLSX export of the customers the caller can see, with the list's filters.</summary>
public abstract class ExportTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task The_gm_exports_a_filtered_csv_with_bom_chinese_headers_and_exactly_the_lists_rows()
    {
        var gm = await Api.As("gm");

        var response = await gm.GetAsync("/api/v1/customers/export?format=csv&grade=A");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar!.ShouldStartWith("客户清单-");
        disposition.FileNameStar.ShouldEndWith(".csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        var (header, rows) = ExportFiles.ParseCsv(bytes);
        header.ShouldBe(["客户编码", "客户名称", "统一社会信用代码", "等级", "状态", "类别", "企业性质", "地区", "地址", "所属单元", "负责人", "首次接触日期", "合作开始日期", "更新时间"]);
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r[3] == "A");
        rows.ShouldAllBe(r => r[4] == "合作中" || r[4] == "潜在" || r[4] == "休眠" || r[4] == "流失");
        var listed = await ExportFiles.ListCodes(gm, "grade=A");
        rows.Select(r => r[0]).ShouldBe(listed, ignoreOrder: false);
    }

    [Fact]
    public async Task A_unit_manager_exports_exactly_the_customers_their_list_shows()
    {
        var manager = await Api.As("east.manager");

        var response = await manager.GetAsync("/api/v1/customers/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var (_, rows) = ExportFiles.ParseCsv(await response.Content.ReadAsByteArrayAsync());
        var listed = await ExportFiles.ListCodes(manager, "");
        rows.Select(r => r[0]).ToHashSet().SetEquals(listed).ShouldBeTrue();
        rows.Count.ShouldBe(listed.Count);
        var all = await ExportFiles.ListCodes(await Api.As("gm"), "");
        rows.Count.ShouldBeLessThan(all.Count);
    }

    [Fact]
    public async Task A_salesperson_without_customers_export_gets_403()
    {
        var sales = await Api.As("east.sales1");

        (await sales.GetAsync("/api/v1/customers/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.PostJson("/api/v1/customers/exports", new { format = "csv" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.GetAsync("/api/v1/customers/exports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_xlsx_export_opens_with_miniexcel_and_has_the_csv_rows()
    {
        var gm = await Api.As("gm");

        var xlsx = await gm.GetAsync("/api/v1/customers/export?format=xlsx&status=Active&sort=name");
        var csv = await gm.GetAsync("/api/v1/customers/export?format=csv&status=Active&sort=name");

        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileNameStar!.ShouldEndWith(".xlsx");
        var sheet = ExportFiles.ParseXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        var (header, rows) = ExportFiles.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        sheet.Header.ShouldBe(header);
        sheet.Rows.Count.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            sheet.Rows[i].ShouldBe(rows[i]);
        rows.ShouldAllBe(r => r[4] == "合作中");
    }

    [Fact]
    public async Task An_unknown_format_or_sort_is_a_400_and_direct_downloads_are_recorded()
    {
        var gm = await Api.As("deputy");
        var bad = await gm.GetAsync("/api/v1/customers/export?format=pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Body())["errors"]!["format"].ShouldNotBeNull();
        (await gm.GetAsync("/api/v1/customers/export?sort=secret")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var ok = await gm.GetAsync("/api/v1/customers/export?grade=A");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = ExportFiles.ParseCsv(await ok.Content.ReadAsByteArrayAsync()).Rows.Count;

        var history = await ExportFiles.JobsOf(gm);
        var record = history[0]!;
        record["direct"]!.GetValue<bool>().ShouldBeTrue();
        record["status"]!.GetValue<string>().ShouldBe("Succeeded");
        record["done"]!.GetValue<int>().ShouldBe(rows);
        (await gm.GetAsync($"/api/v1/customers/exports/{record["id"]}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ExportTests(SqliteApiFixture fixture) : ExportTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ExportTestsOnSqlServer(SqlServerApiFixture fixture) : ExportTestsBase(fixture), IClassFixture<SqlServerApiFixture>;

/// <summary>Tiny limits, so the demo data is "large": direct downloads refuse and the job flow runs.</summary>
public abstract class ExportJobTestsBase(ApiFixture fixture)
{
    public const int SynchronousRows = 3;
    public const int MaxRows = 40;

    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task A_large_export_is_refused_directly_and_runs_as_a_job_with_the_same_rows()
    {
        var gm = await Api.As("gm");
        var listed = await ExportFiles.ListCodes(gm, "grade=A");
        listed.Count.ShouldBeGreaterThan(SynchronousRows);

        var direct = await gm.GetAsync("/api/v1/customers/export?grade=A");
        direct.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await direct.Body())["code"]!.GetValue<string>().ShouldBe("exportTooLargeForDirectDownload");

        var started = await gm.PostJson("/api/v1/customers/exports", new { format = "csv", grade = "A" });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await started.Body();
        var id = job["id"]!.GetValue<long>();
        started.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/exports/{id}");
        job["status"]!.GetValue<string>().ShouldBe("Queued");
        job["fileName"]!.GetValue<string>().ShouldStartWith("客户清单-");

        var finished = await ExportFiles.WaitForAsync(gm, id);
        finished["status"]!.GetValue<string>().ShouldBe("Succeeded", finished.ToJsonString());
        finished["total"]!.GetValue<int>().ShouldBe(listed.Count);
        finished["done"]!.GetValue<int>().ShouldBe(listed.Count);
        finished["percent"]!.GetValue<int>().ShouldBe(100);

        var file = await gm.GetAsync($"/api/v1/customers/exports/{id}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(job["fileName"]!.GetValue<string>());
        var (_, rows) = ExportFiles.ParseCsv(await file.Content.ReadAsByteArrayAsync());
        rows.Select(r => r[0]).ShouldBe(listed);
        rows.ShouldAllBe(r => r[3] == "A");

        var mine = await ExportFiles.JobsOf(gm);
        mine.Select(j => j!["id"]!.GetValue<long>()).ShouldContain(id);
    }

    [Fact]
    public async Task An_xlsx_job_has_the_rows_of_the_managers_list()
    {
        var manager = await Api.As("east.manager");
        var listed = await ExportFiles.ListCodes(manager, "status=Active");

        var started = await manager.PostJson("/api/v1/customers/exports", new { format = "xlsx", status = "Active" });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await started.Body())["id"]!.GetValue<long>();
        (await ExportFiles.WaitForAsync(manager, id))["status"]!.GetValue<string>().ShouldBe("Succeeded");

        var sheet = ExportFiles.ParseXlsx(await (await manager.GetAsync($"/api/v1/customers/exports/{id}/file")).Content.ReadAsByteArrayAsync());
        sheet.Rows.Select(r => r[0]).ShouldBe(listed);
    }

    [Fact]
    public async Task Only_the_jobs_owner_sees_it()
    {
        var gm = await Api.As("gm");
        var id = (await (await gm.PostJson("/api/v1/customers/exports", new { grade = "A" })).Body())["id"]!.GetValue<long>();

        var deputy = await Api.As("deputy");
        (await deputy.GetAsync($"/api/v1/customers/exports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deputy.GetAsync($"/api/v1/customers/exports/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ExportFiles.JobsOf(deputy))
            .Select(j => j!["id"]!.GetValue<long>()).ShouldNotContain(id);
        (await ExportFiles.WaitForAsync(gm, id))["status"]!.GetValue<string>().ShouldBe("Succeeded");
    }

    [Fact]
    public async Task More_rows_than_MaxRows_is_a_400_directly_and_for_a_job()
    {
        var gm = await Api.As("gm");
        (await ExportFiles.ListCodes(gm, "")).Count.ShouldBeGreaterThan(MaxRows);

        var direct = await gm.GetAsync("/api/v1/customers/export");
        direct.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await direct.Body())["code"]!.GetValue<string>().ShouldBe("exportTooLarge");

        var job = await gm.PostJson("/api/v1/customers/exports", new { format = "xlsx" });
        job.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await job.Body())["code"]!.GetValue<string>().ShouldBe("exportTooLarge");
    }
}

public sealed class SmallExportSqliteFixture : SqliteApiFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-tests", "exports-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => ExportJobSettings.For(_folder);

    protected override async Task StopDatabaseAsync()
    {
        await base.StopDatabaseAsync();
        ExportJobSettings.Remove(_folder);
    }
}

public sealed class SmallExportSqlServerFixture : SqlServerApiFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-tests", "exports-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => ExportJobSettings.For(_folder);

    protected override async Task StopDatabaseAsync()
    {
        await base.StopDatabaseAsync();
        ExportJobSettings.Remove(_folder);
    }
}

internal static class ExportJobSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> For(string folder) =>
    [
        new("Export:SynchronousRows", ExportJobTestsBase.SynchronousRows.ToString(CultureInfo.InvariantCulture)),
        new("Export:MaxRows", ExportJobTestsBase.MaxRows.ToString(CultureInfo.InvariantCulture)),
        new("Export:ExportFolder", folder),
        new("Export:PollInterval", "00:00:00.200"),
    ];

    public static void Remove(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}

public sealed class ExportJobTests(SmallExportSqliteFixture fixture) : ExportJobTestsBase(fixture), IClassFixture<SmallExportSqliteFixture>;

public sealed class ExportJobTestsOnSqlServer(SmallExportSqlServerFixture fixture) : ExportJobTestsBase(fixture), IClassFixture<SmallExportSqlServerFixture>;

internal static class ExportFiles
{
    public static (List<string> Header, List<string[]> Rows) ParseCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        return (rows[0].ToList(), rows.Skip(1).ToList());
    }

    public static (List<string> Header, List<string[]> Rows) ParseXlsx(byte[] bytes)
    {
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false)
            .Select(r => ((IDictionary<string, object?>)r).Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray())
            .ToList();
        return (rows[0].ToList(), rows.Skip(1).ToList());
    }

    /// <summary>Customer codes of the list for a filter, every page, in the list's order.</summary>
    public static async Task<List<string>> ListCodes(HttpClient client, string query)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/v1/customers?pageSize=100&page={page}&{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var items = (await response.Body())["items"]!.AsArray();
            codes.AddRange(items.Select(i => i!["code"]!.GetValue<string>()));
            if (items.Count < 100)
                return codes;
        }
    }

    public static async Task<System.Text.Json.Nodes.JsonArray> JobsOf(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/customers/exports");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    public static async Task<System.Text.Json.Nodes.JsonObject> WaitForAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var job = await (await client.GetAsync($"/api/v1/customers/exports/{id}")).Body();
            var status = job["status"]!.GetValue<string>();
            if (status is "Succeeded" or "Failed" || DateTime.UtcNow > deadline)
                return job;
            await Task.Delay(100);
        }
    }
}
