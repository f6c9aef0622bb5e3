using Crm.Api.Domain.Imports;

namespace Crm.Api.Features.Imports;

/// <summary>One importable column: the field name (camelCase, as in the JSON API) and its Chinese header.</summary>
public sealed record ImportColumn(string Field, string Chinese);

/// <summary>The columns each kind of import understands; headers match the field name (any case) or the Chinese name.</summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> Customers =
    [
        new("externalId", "外部编号"),
        new("code", "客户编码"),
        new("name", "客户名称"),
        new("creditCode", "统一社会信用代码"),
        new("enterpriseNature", "企业性质"),
        new("supervisingUnit", "主管单位"),
        new("industry", "行业"),
        new("registeredCapital", "注册资本"),
        new("totalAssets", "资产总额"),
        new("foundedOn", "成立日期"),
        new("address", "地址"),
        new("region", "地区"),
        new("category", "类别"),
        new("grade", "等级"),
        new("status", "状态"),
        new("riskFlags", "风险标记"),
        new("firstContactOn", "首次接触日期"),
        new("cooperationStartOn", "合作开始日期"),
        new("owningUnitId", "所属单元ID"),
        new("ownerId", "负责人ID"),
        new("serviceUnitId", "服务单位ID"),
        new("coServerIds", "协同服务人员ID"),
        new("tags", "标签"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Facts =
    [
        new("customerId", "客户ID"),
        new("creditCode", "统一社会信用代码"),
        new("externalId", "外部编号"),
        new("month", "月份"),
        new("orderAmount", "订单金额"),
        new("volume", "销量"),
        new("volumeUnit", "计量单位"),
        new("profitContribution", "利润贡献"),
        new("daysOverdue", "逾期天数"),
        new("onTimePaymentRatio", "按时回款比例"),
        new("shareOfWallet", "采购份额"),
        new("referrals", "转介绍数"),
        new("badCredit", "不良信用"),
        new("source", "来源"),
    ];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind == ImportKind.Customers ? Customers : Facts;

    /// <summary>The field a header names, or null for a column the import ignores.</summary>
    public static string? FieldOf(ImportKind kind, string header)
    {
        var h = header.Trim().Trim('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Replace("（", "(", StringComparison.Ordinal)
            .Replace("）", ")", StringComparison.Ordinal);
        foreach (var column in For(kind))
        {
            if (string.Equals(h, column.Field, StringComparison.OrdinalIgnoreCase) || h == column.Chinese)
                return column.Field;
        }
        return null;
    }

    /// <summary>Columns without which no row can succeed; a file lacking them is refused as a whole.</summary>
    public static string? MissingRequired(ImportKind kind, IReadOnlyCollection<string> fields)
    {
        if (kind == ImportKind.Customers)
        {
            var missing = new[] { "name", "creditCode" }.Where(f => !fields.Contains(f)).ToList();
            return missing.Count == 0 ? null : $"缺少必需的列：{string.Join("、", missing.Select(f => Label(kind, f)))}。";
        }
        if (!fields.Contains("month"))
            return $"缺少必需的列：{Label(kind, "month")}。";
        return fields.Contains("customerId") || fields.Contains("creditCode") || fields.Contains("externalId")
            ? null
            : "缺少客户列：客户ID（customerId）、统一社会信用代码（creditCode）或外部编号（externalId）至少需要一列。";
    }

    public static string Label(ImportKind kind, string field) =>
        For(kind).FirstOrDefault(c => c.Field == field) is { } column ? $"{column.Chinese}（{field}）" : field;
}
