using System.Globalization;
using System.Text;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Imports;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Crm.Api.Features.Imports;

/// <summary>An import's whole error report as a file: csv (UTF-8 with BOM) or xlsx.</summary>
public sealed record DownloadImportErrorsQuery(long Id, string Format) : IQuery<Result<ImportErrorFile>>;

public sealed record ImportErrorFile(byte[] Content, string ContentType, string FileName);

public sealed class DownloadImportErrorsValidator : AbstractValidator<DownloadImportErrorsQuery>
{
    public DownloadImportErrorsValidator() =>
        RuleFor(q => q.Format).Must(f => f is "csv" or "xlsx").WithMessage("错误报告格式 format 只能是 json、csv 或 xlsx。");
}

public sealed class DownloadImportErrorsHandler(CrmDbContext db, UserContext users) : IQueryHandler<DownloadImportErrorsQuery, Result<ImportErrorFile>>
{
    private static readonly string[] Headers = ["行号", "字段", "列名", "错误信息"];

    public async ValueTask<Result<ImportErrorFile>> Handle(DownloadImportErrorsQuery query, CancellationToken ct)
    {
        var job = await ImportAccess.Readable(db, users.User).Where(j => j.Id == query.Id).Select(j => new { j.Kind }).SingleOrDefaultAsync(ct);
        if (job is null)
            return ImportErrors.NotFound();
        var rows = await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportJobId == query.Id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Select(e => new { e.Row, e.Field, e.Message }).ToListAsync(ct);
        var lines = rows.Select(r => new[]
        {
            r.Row.ToString(CultureInfo.InvariantCulture), r.Field, ImportColumns.For(job.Kind).FirstOrDefault(c => c.Field == r.Field)?.Chinese ?? "", r.Message,
        }).ToList();
        var stem = $"import-{query.Id}-errors";
        if (query.Format == "xlsx")
        {
            var sheet = rows.Select(r => new ImportErrorSheetRow
            {
                Row = r.Row, Field = r.Field, Column = ImportColumns.For(job.Kind).FirstOrDefault(c => c.Field == r.Field)?.Chinese ?? "", Message = r.Message,
            }).ToList();
            using var xlsx = new MemoryStream();
            await xlsx.SaveAsAsync(sheet, sheetName: "错误", excelType: ExcelType.XLSX, cancellationToken: ct);
            return new ImportErrorFile(xlsx.ToArray(), ImportFormats.XlsxContentType, stem + ".xlsx");
        }
        using var csvBytes = new MemoryStream();
        await using (var text = new StreamWriter(csvBytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in Headers)
                csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var line in lines)
            {
                foreach (var cell in line)
                    csv.WriteField(cell);
                await csv.NextRecordAsync();
            }
        }
        return new ImportErrorFile(csvBytes.ToArray(), "text/csv; charset=utf-8", stem + ".csv");
    }
}

/// <summary>One line of the XLSX error report; the column names match the CSV header.</summary>
public sealed class ImportErrorSheetRow
{
    [ExcelColumnName("行号")] public int Row { get; init; }
    [ExcelColumnName("字段")] public string Field { get; init; } = "";
    [ExcelColumnName("列名")] public string Column { get; init; } = "";
    [ExcelColumnName("错误信息")] public string Message { get; init; } = "";
}
