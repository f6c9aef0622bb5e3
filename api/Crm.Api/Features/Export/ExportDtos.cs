using Crm.Api.Domain.Exports;

namespace Crm.Api.Features.Export;

/// <summary>An export: a background job (poll it, then download its file) or the record of a direct download.</summary>
/// <param name="Percent">done / total × 100, rounded down; 100 when succeeded.</param>
/// <param name="Direct">A direct download: recorded here, but it has no file to fetch again.</param>
public sealed record ExportJobDto(
    long Id,
    ExportJobStatus Status,
    ExportFormat Format,
    bool Direct,
    int Total,
    int Done,
    int Percent,
    string FileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    internal static ExportJobDto From(ExportJob job) => new(job.Id, job.Status, job.Format, job.Direct, job.Total, job.Done,
        job.Status == ExportJobStatus.Succeeded ? 100 : job.Total > 0 ? (int)Math.Min(99, (long)job.Done * 100 / job.Total) : 0,
        job.FileName, job.CreatedAt, job.FinishedAt, job.Error);
}

internal static class ExportErrors
{
    public static Common.Errors.Error Forbidden() => Common.Errors.Error.Forbidden("需要导出客户清单权限（customers.export）。");

    public static Common.Errors.Error TooLarge(int maxRows) => new(Common.Errors.ErrorKind.Validation, "exportTooLarge",
        $"符合条件的客户超过 {maxRows:N0} 条，超出导出上限，请用筛选条件缩小范围后再导出。");

    public static Common.Errors.Error NotFound() => Common.Errors.Error.NotFound("导出任务");
}
