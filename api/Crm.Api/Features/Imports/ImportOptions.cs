using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Imports;

namespace Crm.Api.Features.Imports;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>A larger upload is refused with 413 importFileTooLarge.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A file with more data rows is refused with 400 importTooManyRows.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Up to this many rows the import runs inside the upload request (201); more are queued as a background job (202).</summary>
    [Range(0, 1_000_000)]
    public int SynchronousRows { get; set; } = 1_000;

    /// <summary>Rows written per batch (per save for facts; progress is reported after each batch).</summary>
    [Range(1, 10_000)]
    public int BatchRows { get; set; } = 1_000;

    /// <summary>How often an idle instance looks for queued imports.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed import belongs to its instance without progress; then another instance re-claims it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
}

public static class ImportSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportExecutor>();
        services.AddScoped<CustomerImporter>();
        services.AddScoped<FactImporter>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}

internal static class ImportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The format named by the client, else by the file name's extension, else by the content type.</summary>
    public static ImportFormat? Infer(string? format, string? fileName, string? contentType)
    {
        if (!string.IsNullOrWhiteSpace(format))
            return Enum.TryParse<ImportFormat>(format.Trim(), ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : null;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        switch (extension)
        {
            case ".csv" or ".txt":
                return ImportFormat.Csv;
            case ".xlsx":
                return ImportFormat.Xlsx;
            case ".json":
                return ImportFormat.Json;
        }
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "text/csv" or "application/csv" or "text/plain" => ImportFormat.Csv,
            XlsxContentType => ImportFormat.Xlsx,
            "application/json" => ImportFormat.Json,
            _ => null,
        };
    }

    public const string Message = "无法识别文件格式：请上传 .csv、.xlsx 或 .json 文件，或用 format 参数指明（csv、xlsx、json）。";
}
