using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.FollowUp;

namespace Crm.Api.Features.FollowUp;

/// <summary>Settings of follow-up duties (section <c>FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Contact-frequency rules; empty means DOMAIN.md §5's (<see cref="ContactRules.Defaults"/>). When set, the list replaces them.</summary>
    public List<ContactRuleSetting> ContactRules { get; set; } = [];

    /// <summary>自动提醒: days without a follow-up, per grade, after which a customer is listed. Grades not listed are not reminded.</summary>
    public Dictionary<string, int> NoFollowUpDays { get; set; } = new() { ["A"] = 30, ["B"] = 60, ["C"] = 90, ["D"] = 180 };

    /// <summary>自动提醒: days since the last month with orders, per grade.</summary>
    public Dictionary<string, int> NoPurchaseDays { get; set; } = new() { ["A"] = 60, ["B"] = 90, ["C"] = 180 };

    /// <summary>How far ahead care dates (festivals, birthdays, anniversaries) are listed.</summary>
    [Range(1, 366)]
    public int CareLookaheadDays { get; set; } = 30;

    /// <summary>Grades whose key persons' birthdays and anniversaries are care dates (the policy names A, "and B" where the company wishes).</summary>
    [Required]
    public string CareGrades { get; set; } = "A,B";

    public IReadOnlyList<ContactRule> EffectiveContactRules() =>
        ContactRules.Count == 0
            ? Domain.FollowUp.ContactRules.Defaults
            : ContactRules.Select(r => new ContactRule(r.Grade.Trim().ToUpperInvariant(), r.Role, r.Kind, r.Times, r.Period)).ToList();

    public IReadOnlySet<string> EffectiveCareGrades() =>
        CareGrades.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.ToUpperInvariant()).ToHashSet();
}

public sealed class ContactRuleSetting
{
    public string Grade { get; set; } = "";
    public ContactRole Role { get; set; }
    public ContactKind Kind { get; set; }

    [Range(1, 366)]
    public int Times { get; set; } = 1;

    public ContactPeriod Period { get; set; }
}

public static class FollowUpSetup
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.NoFollowUpDays.Values.Concat(o.NoPurchaseDays.Values).All(d => d is >= 1 and <= 3660), "Reminder days must be 1–3660.")
            .Validate(o => o.ContactRules.All(r => r.Grade.Trim().Length is >= 1 and <= 8 && r.Times >= 1), "Every contact rule needs a grade and times ≥ 1.")
            .ValidateOnStart();
        return services;
    }
}
