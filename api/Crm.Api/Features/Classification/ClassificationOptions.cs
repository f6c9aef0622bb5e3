using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Classification;

namespace Crm.Api.Features.Classification;

/// <summary>Settings of classification (section <c>Classification</c>).</summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>The scheme used when a request names none (evaluate, override): the manufacturer policy by default.</summary>
    [Required, RegularExpression(SchemeCodes.Pattern)]
    public string DefaultScheme { get; set; } = GradingPresets.ManufacturerCode;

    /// <summary>Customers evaluated and committed together by a rating run; progress moves per batch.</summary>
    [Range(100, 20_000)]
    public int RunBatchSize { get; set; } = 2_000;

    /// <summary>How long an instance holds a run without renewing; an instance that dies hands it over after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RunLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle instance looks for queued runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RunPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>"Both ends" (抓两头): how many top customers by amount each unit lists.</summary>
    [Range(1, 100)]
    public int BothEndsTop { get; set; } = 10;

    /// <summary>Days overdue from which a customer counts as a risk customer in "both ends".</summary>
    [Range(1, 3650)]
    public int RiskDaysOverdue { get; set; } = 90;
}

public static class SchemeCodes
{
    public const string Pattern = "^[a-z][a-z0-9-]{1,39}$";
}

public static class ClassificationSetup
{
    public static IServiceCollection AddClassification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SchemeCache>();
        services.AddScoped<SchemeCatalog>();
        services.AddHostedService<RatingRunRunner>();
        return services;
    }
}
