using Crm.Api.Common.Errors;
using Crm.Api.Domain.Imports;

namespace Crm.Api.Features.Imports;

/// <summary>An import: its state, progress and counts.</summary>
/// <param name="Done">Rows processed so far (of <paramref name="Total"/>).</param>
/// <param name="Percent">done / total × 100, rounded down; 100 when finished.</param>
/// <param name="EtaSeconds">While running: the seconds left at the pace so far; null before the first progress report and after the end.</param>
/// <param name="Failed">Rows with at least one error (listed by GET …/errors).</param>
/// <param name="Error">Why the import as a whole failed, zh-CN.</param>
public sealed record ImportJobDto(
    long Id,
    ImportKind Kind,
    ImportFormat Format,
    ImportMode Mode,
    ImportStatus Status,
    string FileName,
    int Total,
    int Done,
    int Percent,
    int? EtaSeconds,
    int Created,
    int Updated,
    int Failed,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    internal static ImportJobDto From(ImportJob job, DateTimeOffset now)
    {
        var finished = job.Status is ImportStatus.Succeeded or ImportStatus.PartiallySucceeded or ImportStatus.Failed;
        int? eta = null;
        if (job.Status == ImportStatus.Running && job.StartedAt is { } started && job.Done > 0 && job.Total > job.Done)
            eta = (int)Math.Ceiling((now - started).TotalSeconds / job.Done * (job.Total - job.Done));
        var percent = finished ? 100 : job.Total > 0 ? (int)Math.Min(99, (long)job.Done * 100 / job.Total) : 0;
        return new ImportJobDto(job.Id, job.Kind, job.Format, job.Mode, job.Status, job.FileName, job.Total, job.Done, percent, eta, job.Created,
            job.Updated, job.Failed, job.Error, job.CreatedAt, job.StartedAt, job.FinishedAt);
    }
}

/// <summary>One problem of one row.</summary>
/// <param name="Row">CSV / XLSX: the line in the sheet (the header is line 1); JSON: the position in the array from 1.</param>
/// <param name="Field">The field (camelCase, as the column list names it); empty for the row as a whole.</param>
/// <param name="Message">zh-CN.</param>
public sealed record ImportRowErrorDto(int Row, string Field, string Message);

internal static class ImportErrors
{
    public static Error Forbidden() => Error.Forbidden("需要客户维护权限（customers.write）。");

    public static Error NotFound() => Error.NotFound("导入任务");
}
