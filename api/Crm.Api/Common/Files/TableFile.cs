using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Crm.Api.Common.Files;

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>A report as a download.</summary>
public sealed record TableFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Small reports (a ledger month, an indicator table) as CSV — UTF-8 with BOM so Excel on Chinese Windows reads it, formula
/// injection escaped in text — or XLSX with the same Chinese headers.
/// </summary>
public static class TableFiles
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool TryParse(string? format, out TableFormat parsed) => Enum.TryParse(format, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);

    public static async Task<TableFile> WriteAsync(TableFormat format, string fileStem, string sheetName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        using var output = new MemoryStream();
        if (format == TableFormat.Xlsx)
        {
            var sheet = rows.Select(row => (IDictionary<string, object?>)headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2));
            await output.SaveAsAsync(sheet, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
            return new TableFile(output.ToArray(), XlsxContentType, fileStem + ".xlsx");
        }
        await using (var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var header in headers)
                csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell is IFormattable number ? number.ToString(null, CultureInfo.InvariantCulture) : Text(cell?.ToString()));
                await csv.NextRecordAsync();
            }
        }
        return new TableFile(output.ToArray(), "text/csv; charset=utf-8", fileStem + ".csv");
    }

    /// <summary>
    /// Text that Excel would run as a formula gets a leading apostrophe (OWASP CSV injection); numbers are written as they are,
    /// so negative points stay numbers.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value ?? "" : "'" + value;
}
