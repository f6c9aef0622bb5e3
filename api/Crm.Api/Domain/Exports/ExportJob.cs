namespace Crm.Api.Domain.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

public enum ExportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One export of the customer list: a background job, or the record of a direct download. The rows are the export
/// history (who exported what, with which filter, how many customers).
/// </summary>
public sealed class ExportJob
{
    private ExportJob() { }

    public ExportJob(long staffId, ExportFormat format, bool direct, string filterJson, string fileName, DateTimeOffset at)
    {
        StaffId = staffId;
        Format = format;
        Direct = direct;
        FilterJson = filterJson;
        FileName = fileName;
        CreatedAt = at;
        Status = direct ? ExportJobStatus.Running : ExportJobStatus.Queued;
        StartedAt = direct ? at : null;
    }

    public long Id { get; private set; }
    public long StaffId { get; private set; }
    public ExportFormat Format { get; private set; }

    /// <summary>Streamed straight to the requester; never picked up by the job runner and has no file.</summary>
    public bool Direct { get; private set; }

    /// <summary>The list filters (<c>CustomerFilter</c>) as JSON.</summary>
    public string FilterJson { get; private set; } = "{}";

    public ExportJobStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }

    /// <summary>How many distinct customers the export contained (the read log records which, at merge).</summary>
    public int CustomerCount { get; private set; }

    /// <summary>The name offered to the browser, e.g. 客户清单-20261123-0930.xlsx.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Where the runner wrote the file; cleared when the file expires.</summary>
    public string? FilePath { get; private set; }

    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The instance that runs the job, until <see cref="LeaseUntil"/>; an expired lease can be claimed again.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }
    public int Attempts { get; private set; }

    public void Succeed(int rows, int customers, DateTimeOffset at)
    {
        Status = ExportJobStatus.Succeeded;
        Total = rows;
        Done = rows;
        CustomerCount = customers;
        FinishedAt = at;
    }

    public void Fail(string error, int done, DateTimeOffset at)
    {
        Status = ExportJobStatus.Failed;
        Done = done;
        Error = error;
        FinishedAt = at;
    }

    public void Start(int total) => Total = total;
}
