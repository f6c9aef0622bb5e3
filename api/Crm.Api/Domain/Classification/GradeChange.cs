namespace Crm.Api.Domain.Classification;

public enum GradeChangeSource
{
    /// <summary>Approved from a rating run.</summary>
    Rating,

    /// <summary>Set by a person with a reason.</summary>
    Override,
}

public enum GradeDirection
{
    /// <summary>The customer had no grade before.</summary>
    Initial,
    Upgrade,
    Downgrade,

    /// <summary>Same grade (an override confirming it, or an override replaced by the same rating).</summary>
    Same,
}

/// <summary>
/// 升降级记录: one change of a customer's grade, with the owner and unit at that moment so that upgrades and downgrades
/// count for whoever was responsible then (a KPI input), even after a handover.
/// </summary>
public sealed class GradeChange
{
    private GradeChange() { }

    public GradeChange(long customerId, string? fromGrade, string toGrade, GradeDirection direction, GradeChangeSource source,
        long? runId, string? reason, long ownerId, long owningUnitId, DateTimeOffset at, long byStaffId)
    {
        CustomerId = customerId;
        FromGrade = fromGrade;
        ToGrade = toGrade;
        Direction = direction;
        Source = source;
        RunId = runId;
        Reason = reason;
        OwnerId = ownerId;
        OwningUnitId = owningUnitId;
        At = at;
        ByStaffId = byStaffId;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public string? FromGrade { get; private set; }
    public string ToGrade { get; private set; } = "";
    public GradeDirection Direction { get; private set; }
    public GradeChangeSource Source { get; private set; }
    public long? RunId { get; private set; }
    public string? Reason { get; private set; }
    public long OwnerId { get; private set; }
    public long OwningUnitId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long ByStaffId { get; private set; }

    /// <summary>Up or down by the scheme's order (1 = best); grades the scheme does not know compare as "same".</summary>
    public static GradeDirection DirectionOf(string? from, string to, IReadOnlyList<GradeDefinition> grades)
    {
        if (string.IsNullOrEmpty(from))
            return GradeDirection.Initial;
        var before = grades.FirstOrDefault(g => g.Code == from)?.Order;
        var after = grades.FirstOrDefault(g => g.Code == to)?.Order;
        if (before is null || after is null || before == after)
            return GradeDirection.Same;
        return after < before ? GradeDirection.Upgrade : GradeDirection.Downgrade;
    }
}
