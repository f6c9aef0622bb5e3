using Crm.Api.Domain.Calendar;

namespace Crm.Api.Domain.Deadlines;

/// <summary>What the owning unit owes the customer-management department (DOMAIN.md §5).</summary>
public enum ObligationKind
{
    /// <summary>客户备案: the 客户基本信息表 of a new customer.</summary>
    Filing,

    /// <summary>客户信息变更报告: the 客户信息维护表 after a change to a designated field.</summary>
    ChangeReport,
}

/// <summary>Where the obligation stands in its workflow.</summary>
public enum ObligationStatus
{
    Open,
    Submitted,
    Returned,
    Met,
}

/// <summary>The state shown to people, derived from the status, the dates and today's business date.</summary>
public enum ObligationState
{
    /// <summary>Open (or returned), more than the due-soon window of working days left.</summary>
    Pending,

    /// <summary>Open (or returned), due within the due-soon window (today included).</summary>
    DueSoon,

    /// <summary>Open (or returned) and past its due date.</summary>
    Overdue,

    /// <summary>Submitted and waiting for the customer-management department's decision.</summary>
    Submitted,

    /// <summary>Accepted; the accepted submission was made on or before the due date.</summary>
    MetOnTime,

    /// <summary>Accepted; the accepted submission was made after the due date.</summary>
    MetLate,
}

/// <summary>
/// A filing or change-report obligation of one customer. The met date is the business date of the accepted submission:
/// the department's duty is to submit in time; the review's own duration does not make it late.
/// </summary>
public sealed class Obligation
{
    public const int ReasonMaxLength = 1000;
    public const int FieldsMaxLength = 1000;

    private Obligation() { }

    public Obligation(ObligationKind kind, long customerId, long owningUnitId, long responsibleId, DateOnly triggeredOn,
        CalendarAnswer<DateOnly> due, IEnumerable<string> changedFields, DateTimeOffset now)
    {
        Kind = kind;
        CustomerId = customerId;
        OwningUnitId = owningUnitId;
        ResponsibleId = responsibleId;
        TriggeredOn = triggeredOn;
        DueOn = due.Value;
        CalendarConfirmed = due.Confirmed;
        ChangedFields = string.Join(",", changedFields.Distinct());
        Status = ObligationStatus.Open;
        CreatedAt = now;
        Version = 1;
    }

    public long Id { get; private set; }
    public ObligationKind Kind { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>The unit that owed it when it arose.</summary>
    public long OwningUnitId { get; private set; }

    /// <summary>The customer's owner when it arose: reminders go to them.</summary>
    public long ResponsibleId { get; private set; }

    /// <summary>First contact (filing) or the change date (change report).</summary>
    public DateOnly TriggeredOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>False when the due date was counted over a year whose official holidays are not yet known.</summary>
    public bool CalendarConfirmed { get; private set; }

    /// <summary>Change reports: the designated fields that changed, comma-separated.</summary>
    public string ChangedFields { get; private set; } = "";

    public ObligationStatus Status { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public long? SubmittedById { get; private set; }
    public int Submissions { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public long? DecidedById { get; private set; }
    public string? ReturnedReason { get; private set; }

    /// <summary>The business date of the accepted submission.</summary>
    public DateOnly? MetOn { get; private set; }

    public int ReminderCount { get; private set; }
    public DateOnly? LastRemindedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> ChangedFieldList => ChangedFields.Length == 0 ? [] : ChangedFields.Split(',');

    public bool IsOpen => Status is ObligationStatus.Open or ObligationStatus.Returned;

    /// <summary>Adds further changed fields to an open change report; its due date stays that of the first change.</summary>
    public void AddChangedFields(IEnumerable<string> fields)
    {
        var all = ChangedFieldList.Concat(fields).Distinct().ToList();
        var joined = string.Join(",", all);
        if (joined == ChangedFields)
            return;
        ChangedFields = joined.Length <= FieldsMaxLength ? joined : ChangedFields;
        Version++;
    }

    /// <summary>Moves an open obligation to a corrected trigger date and its due date.</summary>
    public void Reschedule(DateOnly triggeredOn, CalendarAnswer<DateOnly> due)
    {
        if (!IsOpen)
            throw new InvalidOperationException("Only an open or returned obligation can be rescheduled.");
        TriggeredOn = triggeredOn;
        DueOn = due.Value;
        CalendarConfirmed = due.Confirmed;
        Version++;
    }

    public void Submit(DateOnly today, DateTimeOffset now, long byStaffId)
    {
        if (!IsOpen)
            throw new InvalidOperationException("Only an open or returned obligation can be submitted.");
        Status = ObligationStatus.Submitted;
        SubmittedOn = today;
        SubmittedAt = now;
        SubmittedById = byStaffId;
        Submissions++;
        Version++;
    }

    public void Accept(DateTimeOffset now, long byStaffId)
    {
        if (Status != ObligationStatus.Submitted)
            throw new InvalidOperationException("Only a submitted obligation can be accepted.");
        Status = ObligationStatus.Met;
        MetOn = SubmittedOn;
        DecidedAt = now;
        DecidedById = byStaffId;
        ReturnedReason = null;
        Version++;
    }

    public void Return(string reason, DateTimeOffset now, long byStaffId)
    {
        if (Status != ObligationStatus.Submitted)
            throw new InvalidOperationException("Only a submitted obligation can be returned.");
        Status = ObligationStatus.Returned;
        ReturnedReason = reason;
        DecidedAt = now;
        DecidedById = byStaffId;
        Version++;
    }

    /// <summary>The state on <paramref name="today"/>; see <see cref="ObligationStates.Derive"/>.</summary>
    public ObligationState StateOn(DateOnly today, WorkingCalendar calendar, int dueSoonWorkingDays) =>
        ObligationStates.Derive(Status, DueOn, MetOn, today, calendar, dueSoonWorkingDays);
}

public static class ObligationStates
{
    /// <summary>
    /// Open or returned obligations are overdue after their due date and due soon while at most
    /// <paramref name="dueSoonWorkingDays"/> working days remain until it (the due date itself counts as due soon).
    /// Met ones are on time when the accepted submission was made on or before the due date.
    /// </summary>
    public static ObligationState Derive(ObligationStatus status, DateOnly dueOn, DateOnly? metOn, DateOnly today, WorkingCalendar calendar,
        int dueSoonWorkingDays) => status switch
    {
        ObligationStatus.Met => metOn is { } met && met <= dueOn ? ObligationState.MetOnTime : ObligationState.MetLate,
        ObligationStatus.Submitted => ObligationState.Submitted,
        _ when today > dueOn => ObligationState.Overdue,
        _ when calendar.WorkingDaysBetween(today, dueOn).Value <= dueSoonWorkingDays => ObligationState.DueSoon,
        _ => ObligationState.Pending,
    };
}

/// <summary>One reminder about an overdue obligation (no e-mail is sent; the list is the inbox). One per obligation per business day.</summary>
public sealed class Reminder
{
    private Reminder() { }

    public Reminder(long obligationId, long toStaffId, DateOnly remindedOn, DateTimeOffset at)
    {
        ObligationId = obligationId;
        ToStaffId = toStaffId;
        RemindedOn = remindedOn;
        At = at;
    }

    public long Id { get; private set; }
    public long ObligationId { get; private set; }
    public long ToStaffId { get; private set; }
    public DateOnly RemindedOn { get; private set; }
    public DateTimeOffset At { get; private set; }
}
