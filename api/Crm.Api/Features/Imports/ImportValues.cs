using System.Globalization;
using Crm.Api.Domain.Imports;
using Crm.Api.Features.Export;

namespace Crm.Api.Features.Imports;

/// <summary>A problem of one row: the field (camelCase; empty for the whole row) and the message (zh-CN).</summary>
public sealed record ImportProblem(string Field, string Message);

/// <summary>Turns a row's text cells into typed values, collecting a message per cell that does not parse.</summary>
internal sealed class ImportValues(ImportKind kind, ImportRecord record)
{
    private static readonly char[] ListSeparators = [';', '；', ',', '，', '、', '|'];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];

    public List<ImportProblem> Problems { get; } = [];

    public string? Text(string field) => record.Cells.TryGetValue(field, out var value) ? value : null;

    public decimal? Decimal(string field)
    {
        if (Text(field) is not { } text)
            return null;
        if (decimal.TryParse(text.Replace("，", ",", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
            return value;
        return Fail<decimal?>(field, "应为数字");
    }

    public int? Int(string field)
    {
        if (Decimal(field) is not { } value)
            return null;
        if (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue)
            return Fail<int?>(field, "应为整数");
        return (int)value;
    }

    public long? Long(string field)
    {
        if (Text(field) is not { } text)
            return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : Fail<long?>(field, "应为整数 ID");
    }

    public bool? Bool(string field) => Text(field)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" or "yes" or "y" or "是" or "有" => true,
        "false" or "0" or "no" or "n" or "否" or "无" => false,
        _ => Fail<bool?>(field, "应为 是/否（true/false）"),
    };

    public DateOnly? Date(string field)
    {
        if (Text(field) is not { } text)
            return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return DateOnly.FromDateTime(value);
        return Fail<DateOnly?>(field, "应为日期（yyyy-MM-dd）");
    }

    /// <summary>An enum value by its name (any case) or its Chinese label as exported.</summary>
    public TEnum? Enum<TEnum>(string field, Func<TEnum, string> label) where TEnum : struct, Enum
    {
        if (Text(field) is not { } text)
            return null;
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase) || label(value) == text)
                return value;
        }
        var allowed = string.Join("、", System.Enum.GetValues<TEnum>().Select(v => $"{label(v)}（{v}）"));
        return Fail<TEnum?>(field, $"取值无效，可填：{allowed}");
    }

    public IReadOnlyList<string>? List(string field) =>
        Text(field) is { } text ? text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    public IReadOnlyList<long>? Ids(string field)
    {
        if (List(field) is not { } items)
            return null;
        var ids = new List<long>();
        foreach (var item in items)
        {
            if (!long.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                return Fail<IReadOnlyList<long>?>(field, "应为以分号分隔的人员 ID");
            ids.Add(id);
        }
        return ids;
    }

    public IReadOnlyList<TEnum>? Enums<TEnum>(string field, Func<TEnum, string> label) where TEnum : struct, Enum
    {
        if (List(field) is not { } items)
            return null;
        var values = new List<TEnum>();
        foreach (var item in items)
        {
            var single = new ImportValues(kind, new ImportRecord(record.Row, new Dictionary<string, string> { [field] = item }));
            if (single.Enum(field, label) is { } value)
                values.Add(value);
            else
            {
                Problems.AddRange(single.Problems);
                return null;
            }
        }
        return values;
    }

    private T Fail<T>(string field, string what)
    {
        Problems.Add(new ImportProblem(field, $"{ImportColumns.Label(kind, field)}{what}。"));
        return default!;
    }
}

/// <summary>The zh-CN labels of risk flags, as people type them in a sheet.</summary>
internal static class ImportLabels
{
    public static string Of(Domain.Customers.RiskFlags flag) => flag switch
    {
        Domain.Customers.RiskFlags.PoorOperation => "经营状况差",
        Domain.Customers.RiskFlags.Arrears => "欠账",
        Domain.Customers.RiskFlags.CreditDecline => "信誉度下降",
        Domain.Customers.RiskFlags.Bankruptcy => "面临破产改制",
        _ => flag.ToString(),
    };

    public static string Of(Domain.Customers.CustomerStatus status) => ExportLabels.Of(status);
    public static string Of(Domain.Customers.CustomerCategory category) => ExportLabels.Of(category);
    public static string Of(Domain.Customers.EnterpriseNature nature) => ExportLabels.Of(nature);
}
