using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Api.Domain.Exports;

namespace Crm.Api.Features.Export;

public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>An export with more rows is refused (400 exportTooLarge): the user narrows the filters.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Up to this many rows the file is streamed straight back; more need the background job.</summary>
    [Range(0, 1_000_000)]
    public int SynchronousRows { get; set; } = 5_000;

    /// <summary>Where job files are written; relative paths are resolved against the content root. Instances that
    /// share a database must share this folder, since any of them may run a job or serve its file.</summary>
    [Required]
    public string ExportFolder { get; set; } = "data/exports";

    /// <summary>Job files older than this are deleted; the job rows stay as the export history.</summary>
    [Range(1, 24 * 366)]
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often an idle instance looks for queued jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed job belongs to its instance without progress; then another instance re-claims it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The time zone of the file names and of the 更新时间 column.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

public static class ExportSetup
{
    public static IServiceCollection AddCustomerExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExportFiles>();
        services.AddHostedService<ExportJobRunner>();
        return services;
    }
}

internal static class ExportFormats
{
    public static bool IsValid(string? format) => format is null || TryParse(format, out _);

    public static bool TryParse(string? format, out ExportFormat parsed)
    {
        parsed = ExportFormat.Csv;
        return format is null || Enum.TryParse(format, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static ExportFormat Parse(string? format) => TryParse(format, out var parsed) ? parsed : ExportFormat.Csv;

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    public const string Message = "导出格式只能是 csv 或 xlsx。";
}

/// <summary>Naming, time zone and the folder of export files.</summary>
public sealed class ExportFiles(Microsoft.Extensions.Options.IOptions<ExportOptions> options, IHostEnvironment environment)
{
    private const string Stem = "客户清单";

    internal static readonly JsonSerializerOptions FilterJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TimeZoneInfo Zone { get; } = FindZone(options.Value.TimeZone);

    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ExportFolder));

    public string FileName(ExportFormat format, DateTimeOffset at) =>
        $"{Stem}-{TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{ExportFormats.Extension(format)}";

    /// <summary>RFC 6266 with an ASCII fallback for old clients and the real name in RFC 5987 <c>filename*</c>.</summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = fileName.StartsWith(Stem, StringComparison.Ordinal) ? "customers" + fileName[Stem.Length..] : fileName;
        var fallback = new StringBuilder(ascii.Length);
        foreach (var ch in ascii)
            fallback.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_');
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    private static TimeZoneInfo FindZone(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone;
        // Containers without tzdata: China has kept UTC+8 without daylight saving since 1991.
        return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
    }
}
