namespace Crm.Api.Domain.Kpi;

public enum KpiPeriodStatus
{
    Open,
    Closed,
}

/// <summary>
/// One month of the KPI ledger. The row is also the lock: a run or a close is a conditional update of this row
/// (status Open) inside the transaction that writes the entries, so two API instances never interleave on one month.
/// </summary>
public sealed class KpiPeriod
{
    private KpiPeriod() { }

    public KpiPeriod(DateOnly month, DateTimeOffset now)
    {
        Month = new DateOnly(month.Year, month.Month, 1);
        Status = KpiPeriodStatus.Open;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public KpiPeriodStatus Status { get; private set; }
    public int Runs { get; private set; }
    public DateTimeOffset? LastRunAt { get; private set; }
    public long? LastRunById { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public long? ClosedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly LastDay => Month.AddMonths(1).AddDays(-1);
}

public enum KpiEntryKind
{
    /// <summary>Written by the month-end run; replaced when an open period is run again.</summary>
    Computed,

    /// <summary>A later correction with a reason and an approver; never replaced by a run.</summary>
    Adjustment,
}

/// <summary>The rules of DOMAIN.md §7 a run applies.</summary>
public static class KpiRules
{
    /// <summary>Filing or change report still overdue after repeated reminders in the month.</summary>
    public const string LateFiling = "lateFiling";

    /// <summary>Fewer feedback forms than the unit's monthly quota.</summary>
    public const string FeedbackShortfall = "feedbackShortfall";

    /// <summary>Contact duties (visits/calls) missing at month end.</summary>
    public const string ContactShortfall = "contactShortfall";

    /// <summary>The substantiated complaint that brings a unit or person to the yearly threshold: disqualified from that year's awards.</summary>
    public const string ComplaintsDisqualify = "complaintsDisqualify";

    /// <summary>A customer lost after a substantiated complaint against the unit.</summary>
    public const string CustomerLost = "customerLost";

    public const string Adjustment = "adjustment";

    public static IReadOnlyList<string> Computed { get; } = [LateFiling, FeedbackShortfall, ContactShortfall, ComplaintsDisqualify, CustomerLost];
}

/// <summary>One line of the ledger: for a unit, or a person of it; points (negative = deduction) and an amount (CNY).</summary>
public sealed class KpiEntry
{
    public const int TextMaxLength = 500;

    private KpiEntry() { }

    public KpiEntry(long periodId, DateOnly month, KpiEntryKind kind, string rule, long unitId, long? staffId, decimal points, decimal amount,
        string evidence, string? reason, long? approvedById, DateTimeOffset now, long byStaffId)
    {
        PeriodId = periodId;
        Month = month;
        Kind = kind;
        Rule = rule;
        UnitId = unitId;
        StaffId = staffId;
        Points = points;
        Amount = amount;
        Evidence = evidence;
        Reason = reason;
        ApprovedById = approvedById;
        CreatedAt = now;
        CreatedById = byStaffId;
    }

    public long Id { get; private set; }
    public long PeriodId { get; private set; }
    public DateOnly Month { get; private set; }
    public KpiEntryKind Kind { get; private set; }
    public string Rule { get; private set; } = "";
    public long UnitId { get; private set; }
    public long? StaffId { get; private set; }
    public decimal Points { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>What the entry rests on, as kind:id pairs (obligation:12, complaint:3, unit:4/2026-03 …), comma-separated.</summary>
    public string Evidence { get; private set; } = "";

    public string? Reason { get; private set; }
    public long? ApprovedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
}
