using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Kpi;

namespace Crm.Api.Features.Kpi;

/// <summary>One line of the annual unit scorecard (服务客户考核评比评分表).</summary>
public sealed class ScorecardItemOptions
{
    public string Name { get; set; } = "";

    [Range(0, 100)]
    public decimal MaxPoints { get; set; }

    /// <summary>Ledger rules (comma-separated) whose unit-level points of the year are added to <see cref="MaxPoints"/>; empty: entered by hand.</summary>
    public string Rules { get; set; } = "";

    public IReadOnlyList<string> RuleList => Rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Settings of the month-end KPI run and the annual scorecard (section <c>Kpi</c>); defaults are DOMAIN.md §7.</summary>
public sealed class KpiOptions : IValidatableObject
{
    public const string Section = "Kpi";

    /// <summary>An obligation reminded at least this many times within the month is a late filing "after repeated reminders".</summary>
    [Range(1, 31)]
    public int LateFilingReminders { get; set; } = 2;

    /// <summary>Points deducted per such obligation (from the owing unit and from the responsible person).</summary>
    [Range(0, 100)]
    public decimal LateFilingPoints { get; set; } = 2;

    /// <summary>Points deducted per feedback form missing from a unit's monthly quota.</summary>
    [Range(0, 100)]
    public decimal FeedbackShortfallPointsPerForm { get; set; } = 1;

    /// <summary>Points deducted per contact (visit or call) missing from a duty whose period ended by the month end.</summary>
    [Range(0, 100)]
    public decimal ContactShortfallPointsPerContact { get; set; } = 0.5m;

    /// <summary>This many substantiated complaints in a year against a unit or person disqualify it from that year's awards.</summary>
    [Range(1, 100)]
    public int ComplaintsPerYearDisqualify { get; set; } = 3;

    /// <summary>Points deducted per customer lost within <see cref="LostCustomerComplaintMonths"/> after a substantiated complaint.</summary>
    [Range(0, 100)]
    public decimal LostCustomerPoints { get; set; } = 5;

    /// <summary>A customer lost within this many months after a substantiated complaint counts as lost through service.</summary>
    [Range(1, 60)]
    public int LostCustomerComplaintMonths { get; set; } = 12;

    /// <summary>CNY per point on computed ledger entries (DOMAIN.md sets no monthly money figure, so none by default).</summary>
    [Range(0, 100000)]
    public decimal AmountPerPoint { get; set; }

    [Range(0, 100)]
    public decimal RewardScore { get; set; } = 90;

    [Range(0, 100)]
    public decimal PassScore { get; set; } = 80;

    /// <summary>CNY to the unit's leadership at or above <see cref="RewardScore"/>.</summary>
    [Range(0, 1000000)]
    public decimal RewardAmount { get; set; } = 500;

    /// <summary>CNY off the main leader's annual bonus per point below <see cref="PassScore"/>.</summary>
    [Range(0, 100000)]
    public decimal LeaderPenaltyPerPoint { get; set; } = 50;

    /// <summary>CNY off each deputy's annual bonus per point below <see cref="PassScore"/>.</summary>
    [Range(0, 100000)]
    public decimal DeputyPenaltyPerPoint { get; set; } = 40;

    /// <summary>The scorecard's items by code; their maximum points add up to 100.</summary>
    public Dictionary<string, ScorecardItemOptions> ScorecardItems { get; set; } = new()
    {
        ["filing"] = new() { Name = "客户备案与变更报告", MaxPoints = 20, Rules = KpiRules.LateFiling },
        ["feedback"] = new() { Name = "客户信息反馈", MaxPoints = 20, Rules = KpiRules.FeedbackShortfall },
        ["contact"] = new() { Name = "客户走访与联系", MaxPoints = 30, Rules = KpiRules.ContactShortfall },
        ["retention"] = new() { Name = "客户保持", MaxPoints = 15, Rules = KpiRules.CustomerLost },
        ["service"] = new() { Name = "服务质量与投诉处理", MaxPoints = 15 },
    };

    public ScorecardBands Bands => new(RewardScore, PassScore, RewardAmount, LeaderPenaltyPerPoint, DeputyPenaltyPerPoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PassScore > RewardScore)
            yield return new ValidationResult("Kpi:PassScore cannot be above Kpi:RewardScore.");
        if (ScorecardItems.Values.Sum(i => i.MaxPoints) != 100)
            yield return new ValidationResult("Kpi:ScorecardItems: the items' MaxPoints must add up to 100.");
        foreach (var (code, item) in ScorecardItems)
        foreach (var rule in item.RuleList.Except(KpiRules.Computed))
            yield return new ValidationResult($"Kpi:ScorecardItems:{code}: unknown rule '{rule}'.");
    }
}

public static class KpiSetup
{
    public static IServiceCollection AddKpi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KpiOptions>().Bind(configuration.GetSection(KpiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScorecardReader>();
        return services;
    }
}
