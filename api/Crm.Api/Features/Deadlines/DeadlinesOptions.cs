using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Org;

namespace Crm.Api.Features.Deadlines;

/// <summary>Settings of filing, change reports, reminders and feedback forms (section <c>Deadlines</c>); defaults are DOMAIN.md §5.</summary>
public sealed class DeadlinesOptions : IValidatableObject
{
    public const string Section = "Deadlines";

    /// <summary>The archive fields the 客户基本信息表 requires, in the order they are reported missing.</summary>
    public static readonly IReadOnlyList<string> KnownFilingFields =
        ["name", "creditCode", "enterpriseNature", "industry", "address", "region", "category", "firstContactOn", "keyPersonWithPhone"];

    /// <summary>The archive fields whose change may be designated for a change report.</summary>
    public static readonly IReadOnlyList<string> KnownReportedFields =
        ["name", "creditCode", "enterpriseNature", "supervisingUnit", "industry", "registeredCapital", "address", "region", "category", "keyPersons"];

    /// <summary>Filing is due this many working days after first contact.</summary>
    [Range(1, 250)]
    public int FilingWorkingDays { get; set; } = 5;

    /// <summary>A change report is due this many working days after the change.</summary>
    [Range(1, 250)]
    public int ChangeReportWorkingDays { get; set; } = 5;

    /// <summary>An open obligation is "due soon" with at most this many working days left.</summary>
    [Range(0, 30)]
    public int DueSoonWorkingDays { get; set; } = 2;

    /// <summary>Comma-separated; see <see cref="KnownFilingFields"/>.</summary>
    public string FilingRequiredFields { get; set; } = "name,creditCode,enterpriseNature,industry,address,region,category,firstContactOn,keyPersonWithPhone";

    /// <summary>Comma-separated; see <see cref="KnownReportedFields"/>.</summary>
    public string ReportedFields { get; set; } = "name,address,enterpriseNature,keyPersons";

    /// <summary>How often each instance looks for overdue obligations to remind about (each obligation is reminded at most once per business day).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Monthly feedback-form quotas per org-unit kind; units of kinds not listed have none.</summary>
    public Dictionary<string, FeedbackQuota> FeedbackQuota { get; set; } = new()
    {
        [nameof(OrgUnitKind.Sales)] = new FeedbackQuota { Total = 5, Grades = new() { ["A"] = 2, ["B"] = 2, ["C"] = 1 } },
    };

    public IReadOnlyList<string> FilingRequiredFieldList => Split(FilingRequiredFields);

    public IReadOnlyList<string> ReportedFieldList => Split(ReportedFields);

    public FeedbackQuota? QuotaFor(OrgUnitKind kind) => FeedbackQuota.GetValueOrDefault(kind.ToString());

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var field in FilingRequiredFieldList.Except(KnownFilingFields))
            yield return new ValidationResult($"Deadlines:FilingRequiredFields: unknown field '{field}'.");
        foreach (var field in ReportedFieldList.Except(KnownReportedFields))
            yield return new ValidationResult($"Deadlines:ReportedFields: unknown field '{field}'.");
        foreach (var (kind, quota) in FeedbackQuota)
        {
            if (!Enum.TryParse<OrgUnitKind>(kind, out _))
                yield return new ValidationResult($"Deadlines:FeedbackQuota: unknown unit kind '{kind}'.");
            if (quota.Total < 0 || quota.Grades.Values.Any(v => v < 0))
                yield return new ValidationResult($"Deadlines:FeedbackQuota:{kind}: quotas cannot be negative.");
        }
    }
}

public static class DeadlinesSetup
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlinesOptions>().Bind(configuration.GetSection(DeadlinesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ObligationTracker>();
        services.AddScoped<ObligationReader>();
        services.AddSingleton<ReminderPass>();
        services.AddHostedService<ReminderRunner>();
        return services;
    }
}
