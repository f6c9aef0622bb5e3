using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Exports;
using Crm.Api.Features.Customers;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Crm.Api.Features.Export;

/// <summary>One exported customer as read from the database.</summary>
internal sealed record ExportRow(
    long Id,
    string Code,
    string Name,
    string CreditCode,
    string? Grade,
    CustomerStatus Status,
    CustomerCategory Category,
    EnterpriseNature EnterpriseNature,
    string? Region,
    string? Address,
    string OwningUnitName,
    string OwnerName,
    DateOnly? FirstContactOn,
    DateOnly? CooperationStartOn,
    DateTimeOffset UpdatedAt);

/// <summary>One line of the sheet, already in the words people read. The column names are also the CSV header.</summary>
public sealed class ExportSheetRow
{
    [ExcelColumnName("客户编码")] public string Code { get; init; } = "";
    [ExcelColumnName("客户名称")] public string Name { get; init; } = "";
    [ExcelColumnName("统一社会信用代码")] public string CreditCode { get; init; } = "";
    [ExcelColumnName("等级")] public string Grade { get; init; } = "";
    [ExcelColumnName("状态")] public string Status { get; init; } = "";
    [ExcelColumnName("类别")] public string Category { get; init; } = "";
    [ExcelColumnName("企业性质")] public string EnterpriseNature { get; init; } = "";
    [ExcelColumnName("地区")] public string Region { get; init; } = "";
    [ExcelColumnName("地址")] public string Address { get; init; } = "";
    [ExcelColumnName("所属单元")] public string OwningUnit { get; init; } = "";
    [ExcelColumnName("负责人")] public string Owner { get; init; } = "";
    [ExcelColumnName("首次接触日期")] public string FirstContactOn { get; init; } = "";
    [ExcelColumnName("合作开始日期")] public string CooperationStartOn { get; init; } = "";
    [ExcelColumnName("更新时间")] public string UpdatedAt { get; init; } = "";

    public static readonly IReadOnlyList<string> Headers =
        ["客户编码", "客户名称", "统一社会信用代码", "等级", "状态", "类别", "企业性质", "地区", "地址", "所属单元", "负责人", "首次接触日期", "合作开始日期", "更新时间"];

    public IEnumerable<string> Cells() =>
        [Code, Name, CreditCode, Grade, Status, Category, EnterpriseNature, Region, Address, OwningUnit, Owner, FirstContactOn, CooperationStartOn, UpdatedAt];
}

/// <summary>The customers an export contains: the list's filters over the scope the person holds customers.export with.</summary>
internal static class CustomerExportQuery
{
    public static Task<IQueryable<Customer>> BuildAsync(CurrentUser user, ICustomerFilterFields filter, CrmDbContext db, CancellationToken ct) =>
        // The export permission's own scope: read-only access grants never make a customer exportable.
        CustomerListFilter.ApplyAsync(db.Customers.AsNoTracking().VisibleAsSet(user.ScopeFor(Permissions.CustomersExport), db), filter, db, ct);

    /// <summary>Counts up to one past <paramref name="cap"/>, so a result above the cap means "too many".</summary>
    public static Task<int> CountAsync(IQueryable<Customer> customers, int cap, CancellationToken ct) =>
        customers.Take(cap + 1).CountAsync(ct);

    /// <summary>Streamed one row at a time; the cap also holds if customers were added since the count.</summary>
    public static IAsyncEnumerable<ExportRow> Rows(IQueryable<Customer> customers, string? sort, int cap, CrmDbContext db) =>
        CustomerListFilter.Sort(customers, sort)
            .Take(cap)
            .Select(c => new ExportRow(c.Id, c.Code, c.Name, c.CreditCode, c.Grade, c.Status, c.Category, c.EnterpriseNature, c.Region, c.Address,
                db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).First(),
                db.Staff.Where(s => s.Id == c.OwnerId).Select(s => s.DisplayName).First(),
                c.FirstContactOn, c.CooperationStartOn, c.UpdatedAt))
            .AsAsyncEnumerable();
}

/// <summary>What an export wrote: the row count and the customers it contained (for the read log).</summary>
internal sealed record ExportOutcome(int Rows, IReadOnlyCollection<long> CustomerIds);

/// <summary>Writes rows as CSV (UTF-8 with BOM, for Excel on Chinese Windows) or XLSX, reporting progress.</summary>
internal static class ExportWriter
{
    public const int ProgressEvery = 1_000;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static async Task<ExportOutcome> WriteAsync(Stream output, ExportFormat format, IAsyncEnumerable<ExportRow> rows, TimeZoneInfo zone,
        Func<int, Task>? progress, CancellationToken ct)
    {
        var ids = new HashSet<long>();
        var counter = new int[1];
        var sheet = Sheet(rows, zone, ids, counter, progress, ct);
        if (format == ExportFormat.Xlsx)
            await output.SaveAsAsync(sheet, sheetName: "客户清单", excelType: ExcelType.XLSX, cancellationToken: ct);
        else
            await WriteCsvAsync(output, sheet, ct);
        return new ExportOutcome(counter[0], ids);
    }

    private static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<ExportSheetRow> sheet, CancellationToken ct)
    {
        await output.WriteAsync(Utf8Bom, ct);
        // Names come from users: a leading = + - @ must not become a formula when Excel opens the file.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, configuration, leaveOpen: true);
        foreach (var header in ExportSheetRow.Headers)
            csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var row in sheet.WithCancellation(ct))
        {
            foreach (var cell in row.Cells())
                csv.WriteField(cell);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        await text.FlushAsync(ct);
    }

    private static async IAsyncEnumerable<ExportSheetRow> Sheet(IAsyncEnumerable<ExportRow> rows, TimeZoneInfo zone, HashSet<long> ids, int[] counter,
        Func<int, Task>? progress, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            ids.Add(row.Id);
            yield return new ExportSheetRow
            {
                Code = row.Code,
                Name = row.Name,
                CreditCode = row.CreditCode,
                Grade = row.Grade ?? "",
                Status = ExportLabels.Of(row.Status),
                Category = ExportLabels.Of(row.Category),
                EnterpriseNature = ExportLabels.Of(row.EnterpriseNature),
                Region = row.Region ?? "",
                Address = row.Address ?? "",
                OwningUnit = row.OwningUnitName,
                Owner = row.OwnerName,
                FirstContactOn = Date(row.FirstContactOn),
                CooperationStartOn = Date(row.CooperationStartOn),
                UpdatedAt = TimeZoneInfo.ConvertTime(row.UpdatedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            };
            counter[0]++;
            if (progress is not null && counter[0] % ProgressEvery == 0)
                await progress(counter[0]);
        }
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
