using System.Diagnostics.CodeAnalysis;
using Crm.Api.Domain.Customers;

namespace Crm.Api.Domain.Classification;

public enum GradingFieldType
{
    Number,
    Integer,
    Boolean,
    Enum,
    Flags,
}

/// <summary>The fields of <see cref="GradingInput"/>, in catalogue order.</summary>
public enum GradingFieldId
{
    EnterpriseNature,
    Category,
    Status,
    CooperationYears,
    BadCredit,
    RiskFlags,
    AnnualOrderAmount,
    AverageMonthlyVolume,
    ShareOfWallet,
    MaxDaysOverdue,
    OnTimePaymentRatio,
    Referrals,
    ProfitContribution,
}

public sealed record GradingField(GradingFieldId Id, string Name, GradingFieldType Type, string Description, Type? EnumType = null)
{
    public bool IsNumeric => Type is GradingFieldType.Number or GradingFieldType.Integer;
}

/// <summary>The fixed catalogue of what a scheme may test or score.</summary>
public static class GradingFields
{
    public const string EnterpriseNature = "enterpriseNature";
    public const string Category = "category";
    public const string Status = "status";
    public const string CooperationYears = "cooperationYears";
    public const string BadCredit = "badCredit";
    public const string RiskFlags = "riskFlags";
    public const string AnnualOrderAmount = "annualOrderAmount";
    public const string AverageMonthlyVolume = "averageMonthlyVolume";
    public const string ShareOfWallet = "shareOfWallet";
    public const string MaxDaysOverdue = "maxDaysOverdue";
    public const string OnTimePaymentRatio = "onTimePaymentRatio";
    public const string Referrals = "referrals";
    public const string ProfitContribution = "profitContribution";

    public static IReadOnlyList<GradingField> All { get; } =
    [
        new(GradingFieldId.EnterpriseNature, EnterpriseNature, GradingFieldType.Enum, "企业性质", typeof(EnterpriseNature)),
        new(GradingFieldId.Category, Category, GradingFieldType.Enum, "客户类别（一级代理、二级代理、经销商……）", typeof(CustomerCategory)),
        new(GradingFieldId.Status, Status, GradingFieldType.Enum, "客户状态（潜在、活跃、休眠、流失）", typeof(CustomerStatus)),
        new(GradingFieldId.CooperationYears, CooperationYears, GradingFieldType.Integer, "合作年限：自合作开始日起已满的整年数"),
        new(GradingFieldId.BadCredit, BadCredit, GradingFieldType.Boolean, "有不良信用记录：档案登记的，或近12个月任一月经营数据标记的"),
        new(GradingFieldId.RiskFlags, RiskFlags, GradingFieldType.Flags, "风险标记（经营状况差、欠账、信誉度下降、面临破产改制）", typeof(RiskFlags)),
        new(GradingFieldId.AnnualOrderAmount, AnnualOrderAmount, GradingFieldType.Number, "年订单金额（元）：近12个月订单金额之和，未填报的月份按0计"),
        new(GradingFieldId.AverageMonthlyVolume, AverageMonthlyVolume, GradingFieldType.Number, "月均业务量（如吨）：近12个月已填报月份的平均值"),
        new(GradingFieldId.ShareOfWallet, ShareOfWallet, GradingFieldType.Number, "采购占比（0–1）：近12个月最近一次填报的值"),
        new(GradingFieldId.MaxDaysOverdue, MaxDaysOverdue, GradingFieldType.Integer, "最长逾期天数：近12个月各月逾期天数的最大值"),
        new(GradingFieldId.OnTimePaymentRatio, OnTimePaymentRatio, GradingFieldType.Number, "按时回款率（0–1）：近12个月已填报月份的平均值"),
        new(GradingFieldId.Referrals, Referrals, GradingFieldType.Integer, "推荐客户数：近12个月之和"),
        new(GradingFieldId.ProfitContribution, ProfitContribution, GradingFieldType.Number, "利润贡献（元）：近12个月之和"),
    ];

    private static readonly Dictionary<string, GradingField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string? name, [NotNullWhen(true)] out GradingField? field)
    {
        field = null;
        return name is not null && ByName.TryGetValue(name, out field);
    }

    public static GradingField Get(GradingFieldId id) => All[(int)id];
}
