using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.Api.Common.Errors;
using Crm.Api.Domain.Imports;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Crm.Api.Features.Imports;

/// <summary>One data row: its number as the user sees it and its non-blank cells by field name.</summary>
public sealed record ImportRecord(int Row, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads an uploaded CSV (UTF-8 with or without BOM; GB18030 as saved by Excel on Chinese Windows), XLSX (first sheet)
/// or JSON array into rows keyed by field name. Row numbers: the spreadsheet line for CSV and XLSX (the header is
/// line 1), the position from 1 for JSON.
/// </summary>
public static class ImportFileReader
{
    static ImportFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Result<IReadOnlyList<ImportRecord>> Read(ImportKind kind, ImportFormat format, byte[] payload, int maxRows)
    {
        Result<(List<ImportRecord> Rows, HashSet<string> Fields)> read;
        try
        {
            read = format switch
            {
                ImportFormat.Csv => ReadCsv(kind, payload, maxRows),
                ImportFormat.Xlsx => ReadXlsx(kind, payload, maxRows),
                _ => ReadJson(kind, payload, maxRows),
            };
        }
        catch (Exception e) when (e is JsonException or CsvHelperException or InvalidDataException or IOException or FormatException
                                      or InvalidOperationException or ArgumentException or NotSupportedException or IndexOutOfRangeException)
        {
            return Unreadable(format);
        }
        if (!read.IsSuccess)
            return read.Error!;
        var (rows, fields) = read.Value;
        if (ImportColumns.MissingRequired(kind, fields) is { } missing)
            return Error.Field("file", missing, "importMissingColumns");
        if (rows.Count == 0)
            return Error.Field("file", "文件中没有数据行。", "importEmpty");
        return rows;
    }

    private static Error Unreadable(ImportFormat format) => Error.Field("file", format switch
    {
        ImportFormat.Csv => "无法读取 CSV 文件，请检查文件内容。",
        ImportFormat.Xlsx => "无法读取 XLSX 文件，请确认是 Excel 2007 及以上格式（.xlsx）。",
        _ => "无法读取 JSON：应为对象数组，如 [{\"name\": …}, …]。",
    }, "importUnreadable");

    public static Error TooManyRows(int maxRows) =>
        Error.Field("file", $"文件超过 {maxRows:N0} 行数据，请拆分后分批导入。", "importTooManyRows");

    private static string Decode(byte[] payload)
    {
        if (payload.Length >= 3 && payload[0] == 0xEF && payload[1] == 0xBB && payload[2] == 0xBF)
            return new UTF8Encoding(false).GetString(payload, 3, payload.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(payload);
        }
    }

    private static Result<(List<ImportRecord>, HashSet<string>)> ReadCsv(ImportKind kind, byte[] payload, int maxRows)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(Decode(payload));
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
            return Error.Field("file", "文件为空：第一行应为列名。", "importEmpty");
        var headers = csv.HeaderRecord!.Select(h => ImportColumns.FieldOf(kind, h)).ToArray();
        var rows = new List<ImportRecord>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < headers.Length; i++)
            {
                if (headers[i] is { } field && csv.TryGetField<string>(i, out var value) && !string.IsNullOrWhiteSpace(value))
                    cells.TryAdd(field, value.Trim());
            }
            if (cells.Count == 0)
                continue;
            if (rows.Count == maxRows)
                return TooManyRows(maxRows);
            rows.Add(new ImportRecord(csv.Parser.Row, cells));
        }
        return (rows, headers.OfType<string>().ToHashSet());
    }

    private static Result<(List<ImportRecord>, HashSet<string>)> ReadXlsx(ImportKind kind, byte[] payload, int maxRows)
    {
        using var stream = new MemoryStream(payload, writable: false);
        var rows = new List<ImportRecord>();
        var fields = new HashSet<string>();
        var line = 1;
        var columns = stream.GetColumns(useHeaderRow: true)?.ToList() ?? [];
        foreach (var header in columns)
        {
            if (ImportColumns.FieldOf(kind, header) is { } field)
                fields.Add(field);
        }
        stream.Position = 0;
        foreach (IDictionary<string, object?> sheetRow in stream.Query(useHeaderRow: true))
        {
            line++;
            var cells = new Dictionary<string, string>();
            foreach (var (header, value) in sheetRow)
            {
                if (ImportColumns.FieldOf(kind, header) is { } field && Text(field, value) is { } text)
                    cells.TryAdd(field, text);
            }
            if (cells.Count == 0)
                continue;
            if (rows.Count == maxRows)
                return TooManyRows(maxRows);
            rows.Add(new ImportRecord(line, cells));
        }
        return (rows, fields);
    }

    private static string? Text(string field, object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => field == "month" ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static Result<(List<ImportRecord>, HashSet<string>)> ReadJson(ImportKind kind, byte[] payload, int maxRows)
    {
        using var document = JsonDocument.Parse(Decode(payload));
        var root = document.RootElement;
        // A bare array, or an object with the rows under "rows".
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rows", out var wrapped))
            root = wrapped;
        if (root.ValueKind != JsonValueKind.Array)
            return Unreadable(ImportFormat.Json);
        var rows = new List<ImportRecord>();
        var fields = new HashSet<string>();
        var position = 0;
        foreach (var item in root.EnumerateArray())
        {
            position++;
            if (item.ValueKind != JsonValueKind.Object)
                return Error.Field("file", $"第 {position} 项不是对象。", "importUnreadable");
            var cells = new Dictionary<string, string>();
            foreach (var property in item.EnumerateObject())
            {
                if (ImportColumns.FieldOf(kind, property.Name) is not { } field)
                    continue;
                fields.Add(field);
                if (Text(property.Value) is { } text)
                    cells.TryAdd(field, text);
            }
            if (rows.Count == maxRows)
                return TooManyRows(maxRows);
            rows.Add(new ImportRecord(position, cells));
        }
        return (rows, fields);
    }

    private static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(Text).Where(t => t is not null)),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
