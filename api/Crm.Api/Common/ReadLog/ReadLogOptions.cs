using System.ComponentModel.DataAnnotations;

namespace Crm.Api.Common.ReadLog;

public sealed class ReadLogOptions
{
    public const string Section = "ReadLog";

    /// <summary>At most this many entries are committed in one transaction (group commit).</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Reads waiting to be logged before new reads wait for room: bounds memory when the database stalls.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Entries read per query while verifying the chain.</summary>
    [Range(10, 100_000)]
    public int VerifyPageSize { get; set; } = 2_000;
}
