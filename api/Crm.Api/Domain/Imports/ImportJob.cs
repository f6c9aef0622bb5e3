namespace Crm.Api.Domain.Imports;

public enum ImportKind
{
    Customers,
    Facts,
}

public enum ImportFormat
{
    Csv,
    Xlsx,
    Json,
}

public enum ImportMode
{
    /// <summary>Valid rows are written, invalid ones reported.</summary>
    BestEffort,

    /// <summary>Any invalid row and nothing is written.</summary>
    AllOrNothing,
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    PartiallySucceeded,
    Failed,
}

/// <summary>
/// One uploaded batch of customers or monthly facts. The payload stays in the database until the batch is processed,
/// so a queued import survives a restart and any instance may run it.
/// </summary>
public sealed class ImportJob
{
    private ImportJob() { }

    public ImportJob(long staffId, ImportKind kind, ImportFormat format, ImportMode mode, string fileName, int total, DateTimeOffset at)
    {
        StaffId = staffId;
        Kind = kind;
        Format = format;
        Mode = mode;
        FileName = fileName;
        Total = total;
        CreatedAt = at;
        Status = ImportStatus.Queued;
    }

    public long Id { get; private set; }
    public long StaffId { get; private set; }
    public ImportKind Kind { get; private set; }
    public ImportFormat Format { get; private set; }
    public ImportMode Mode { get; private set; }
    public string FileName { get; private set; } = "";

    public ImportStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Failed { get; private set; }

    /// <summary>Why the whole import failed (not a row's error), zh-CN.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The instance that runs the import, until <see cref="LeaseUntil"/>; an expired lease can be claimed again.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Claims the import for a synchronous run in the uploading request.</summary>
    public void StartInline(string instance, DateTimeOffset at, DateTimeOffset leaseUntil)
    {
        Status = ImportStatus.Running;
        LeaseOwner = instance;
        LeaseUntil = leaseUntil;
        StartedAt = at;
        Attempts = 1;
    }
}

/// <summary>The uploaded file of an import, kept apart from the job so that polling never reads it; deleted once the import has finished.</summary>
public sealed class ImportPayload
{
    private ImportPayload() { }

    public ImportPayload(long importJobId, byte[] content)
    {
        ImportJobId = importJobId;
        Content = content;
    }

    public long ImportJobId { get; private set; }
    public byte[] Content { get; private set; } = [];
}

/// <summary>One problem of one row: the row number as the user sees it, the field (camelCase, empty for the whole row) and the message.</summary>
public sealed class ImportRowError
{
    private ImportRowError() { }

    public ImportRowError(long importJobId, int row, string field, string message)
    {
        ImportJobId = importJobId;
        Row = row;
        Field = field;
        Message = message;
    }

    public long Id { get; private set; }
    public long ImportJobId { get; private set; }
    public int Row { get; private set; }
    public string Field { get; private set; } = "";
    public string Message { get; private set; } = "";
}
