namespace Crm.Api.Domain.Complaints;

/// <summary>Where a complaint (客户投诉) stands in the workflow of DOMAIN.md §6.</summary>
public enum ComplaintStatus
{
    /// <summary>受理: recorded, not yet investigated.</summary>
    Received,

    /// <summary>调查: the technical department determines responsibility (also where a dissatisfied customer sends it back).</summary>
    Investigating,

    /// <summary>返工/整改 before replying.</summary>
    Rework,

    /// <summary>答复客户: waiting for whether the customer is satisfied.</summary>
    Replied,

    /// <summary>归档: the customer was satisfied.</summary>
    Archived,
}

/// <summary>Why a transition was refused; the handler turns it into a 409 or a field error.</summary>
public enum ComplaintRefusal
{
    IllegalTransition,
    FindingRequired,
    ResponsibleUnitRequired,
    CorrectiveActionRequired,
    ReviewRequired,
}

/// <summary>What a transition carries: the finding when leaving the investigation, the review when archiving.</summary>
public sealed record ComplaintStep(
    string? Note = null,
    bool? Substantiated = null,
    long? ResponsibleUnitId = null,
    long? ResponsibleStaffId = null,
    string? Finding = null,
    string? CorrectiveAction = null,
    string? Review = null);

/// <summary>
/// A customer complaint. The state machine is pure: <see cref="Allowed"/> lists the legal moves, and each move leaves
/// a <see cref="ComplaintTransition"/> behind. Responsibility is determined when the investigation ends (to rework or
/// reply); a substantiated complaint names its responsible unit and needs a corrective action, reviewed on archiving.
/// </summary>
public sealed class Complaint
{
    public const int TextMaxLength = 2000;

    private readonly List<ComplaintTransition> _transitions = [];

    private Complaint() { }

    public Complaint(long customerId, long unitId, DateOnly receivedOn, string subject, string description, DateTimeOffset now, long byStaffId)
    {
        CustomerId = customerId;
        UnitId = unitId;
        ReceivedOn = receivedOn;
        Subject = subject;
        Description = description;
        Status = ComplaintStatus.Received;
        CreatedAt = now;
        CreatedById = byStaffId;
        Version = 1;
        _transitions.Add(new ComplaintTransition(null, ComplaintStatus.Received, null, now, byStaffId));
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>The customer's owning unit when the complaint was received (the unit that answers for it unless a finding names another).</summary>
    public long UnitId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public ComplaintStatus Status { get; private set; }
    public bool? Substantiated { get; private set; }
    public long? ResponsibleUnitId { get; private set; }
    public long? ResponsibleStaffId { get; private set; }
    public string? Finding { get; private set; }
    public string? CorrectiveAction { get; private set; }
    public string? Review { get; private set; }
    public long? ReviewedById { get; private set; }
    public DateOnly? ArchivedOn { get; private set; }
    public int Rounds { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<ComplaintTransition> Transitions => _transitions;

    /// <summary>The legal moves from each state.</summary>
    public static IReadOnlyList<ComplaintStatus> Allowed(ComplaintStatus from) => from switch
    {
        ComplaintStatus.Received => [ComplaintStatus.Investigating],
        ComplaintStatus.Investigating => [ComplaintStatus.Rework, ComplaintStatus.Replied],
        ComplaintStatus.Rework => [ComplaintStatus.Replied],
        // Dissatisfied: back to handling; satisfied: archived.
        ComplaintStatus.Replied => [ComplaintStatus.Investigating, ComplaintStatus.Archived],
        _ => [],
    };

    /// <summary>Moves to <paramref name="to"/>, or says why not (nothing changes then).</summary>
    public ComplaintRefusal? MoveTo(ComplaintStatus to, ComplaintStep step, DateOnly today, DateTimeOffset now, long byStaffId)
    {
        if (!Allowed(Status).Contains(to))
            return ComplaintRefusal.IllegalTransition;

        var endsInvestigation = Status == ComplaintStatus.Investigating;
        if (endsInvestigation)
        {
            var substantiated = step.Substantiated ?? Substantiated;
            if (substantiated is null || string.IsNullOrWhiteSpace(step.Finding ?? Finding))
                return ComplaintRefusal.FindingRequired;
            if (substantiated == true && (step.ResponsibleUnitId ?? ResponsibleUnitId) is null)
                return ComplaintRefusal.ResponsibleUnitRequired;
        }
        if (to == ComplaintStatus.Archived)
        {
            if (Substantiated == true && string.IsNullOrWhiteSpace(step.CorrectiveAction ?? CorrectiveAction))
                return ComplaintRefusal.CorrectiveActionRequired;
            if (Substantiated == true && string.IsNullOrWhiteSpace(step.Review))
                return ComplaintRefusal.ReviewRequired;
        }

        if (endsInvestigation)
        {
            Substantiated = step.Substantiated ?? Substantiated;
            Finding = step.Finding ?? Finding;
            ResponsibleUnitId = Substantiated == true ? step.ResponsibleUnitId ?? ResponsibleUnitId : null;
            ResponsibleStaffId = Substantiated == true ? step.ResponsibleStaffId ?? ResponsibleStaffId : null;
        }
        if (step.CorrectiveAction is { Length: > 0 } action)
            CorrectiveAction = action;
        if (to == ComplaintStatus.Archived)
        {
            ArchivedOn = today;
            if (step.Review is { Length: > 0 } review)
            {
                Review = review;
                ReviewedById = byStaffId;
            }
        }
        if (Status == ComplaintStatus.Replied && to == ComplaintStatus.Investigating)
            Rounds++;

        _transitions.Add(new ComplaintTransition(Status, to, step.Note, now, byStaffId));
        Status = to;
        Version++;
        return null;
    }

    /// <summary>The unit a substantiated complaint counts against: the one the finding names.</summary>
    public long? CountsAgainstUnit => Substantiated == true ? ResponsibleUnitId : null;
}

/// <summary>One step of a complaint's history. Append-only.</summary>
public sealed class ComplaintTransition
{
    private ComplaintTransition() { }

    public ComplaintTransition(ComplaintStatus? from, ComplaintStatus to, string? note, DateTimeOffset at, long byStaffId)
    {
        From = from;
        To = to;
        Note = note;
        At = at;
        ByStaffId = byStaffId;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public ComplaintStatus? From { get; private set; }
    public ComplaintStatus To { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long ByStaffId { get; private set; }
}
