namespace Crm.Api.Domain.Classification;

public enum RatingRunStatus
{
    Queued,
    Running,

    /// <summary>Every customer evaluated; the change list waits for the customer-management department.</summary>
    Reviewing,

    /// <summary>Every proposal approved or rejected.</summary>
    Completed,

    Cancelled,
    Failed,
}

/// <summary>
/// 评级: one re-rating of the customers in a filter under one scheme version, as of a rating date. A background job
/// evaluates the customers in id order, in batches; each batch's proposals and the cursor are committed together, so
/// a run resumes after a restart exactly where it stopped, on whichever instance holds the lease.
/// </summary>
public sealed class RatingRun
{
    private RatingRun() { }

    public RatingRun(string schemeCode, int schemeVersion, DateOnly asOf, string filterJson, long staffId, DateTimeOffset at)
    {
        SchemeCode = schemeCode;
        SchemeVersion = schemeVersion;
        AsOf = asOf;
        FilterJson = filterJson;
        CreatedById = staffId;
        CreatedAt = at;
        Status = RatingRunStatus.Queued;
        ActiveSchemeCode = schemeCode;
    }

    public long Id { get; private set; }
    public string SchemeCode { get; private set; } = "";
    public int SchemeVersion { get; private set; }

    /// <summary>The rating date: the facts window is the twelve whole months before its month.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>The customer-list filter the run covers (JSON), within the starter's classification.run scope.</summary>
    public string FilterJson { get; private set; } = "{}";

    public RatingRunStatus Status { get; private set; }

    /// <summary>The scheme code while the run is queued, running or under review, else null: a unique index allows one active run per scheme.</summary>
    public string? ActiveSchemeCode { get; private set; }

    public int Total { get; private set; }
    public int Done { get; private set; }

    /// <summary>Evaluation resumes after this customer id.</summary>
    public long Cursor { get; private set; }

    public int Changes { get; private set; }
    public int Unchanged { get; private set; }
    public int Overridden { get; private set; }
    public int Approved { get; private set; }
    public int Rejected { get; private set; }

    public long CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When evaluation finished (review began).</summary>
    public DateTimeOffset? EvaluatedAt { get; private set; }

    /// <summary>When the run completed, was cancelled or failed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public long? ClosedById { get; private set; }
    public string? Error { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public int Attempts { get; private set; }

    public bool IsActive => ActiveSchemeCode is not null;

    public int Pending => Changes + Overridden - Approved - Rejected;

    /// <summary>A run under review completes once every line is decided.</summary>
    public void CompleteIfDecided(DateTimeOffset at, long byStaffId)
    {
        if (Status == RatingRunStatus.Reviewing && Pending == 0)
            Close(RatingRunStatus.Completed, at, byStaffId);
    }

    private void Close(RatingRunStatus status, DateTimeOffset at, long? byStaffId)
    {
        Status = status;
        ActiveSchemeCode = null;
        ClosedAt = at;
        ClosedById = byStaffId;
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

public enum ProposalKind
{
    /// <summary>The proposed grade differs from the current one.</summary>
    Change,

    /// <summary>The customer's grade was set by a person: listed apart, never replaced without an explicit decision.</summary>
    Overridden,
}

public enum ProposalDecision
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>One line of a run's change list: from → to, and why.</summary>
public sealed class RatingProposal
{
    private RatingProposal() { }

    public RatingProposal(long runId, long customerId, string? fromGrade, string toGrade, GradeDirection direction, ProposalKind kind,
        GradingBasis basis, string explanation)
    {
        RunId = runId;
        CustomerId = customerId;
        FromGrade = fromGrade;
        ToGrade = toGrade;
        Direction = direction;
        Kind = kind;
        Basis = basis;
        Explanation = explanation;
        Decision = ProposalDecision.Pending;
    }

    public long Id { get; private set; }
    public long RunId { get; private set; }
    public long CustomerId { get; private set; }
    public string? FromGrade { get; private set; }
    public string ToGrade { get; private set; } = "";
    public GradeDirection Direction { get; private set; }
    public ProposalKind Kind { get; private set; }
    public GradingBasis Basis { get; private set; }

    /// <summary>The <see cref="GradingResult"/> as JSON.</summary>
    public string Explanation { get; private set; } = "{}";

    public ProposalDecision Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public long? DecidedById { get; private set; }
    public string? Note { get; private set; }

    public void Decide(ProposalDecision decision, string? note, DateTimeOffset at, long byStaffId)
    {
        Decision = decision;
        Note = note;
        DecidedAt = at;
        DecidedById = byStaffId;
    }
}
