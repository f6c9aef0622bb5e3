namespace Crm.Api.Domain.Customers;

public enum HistoryAction
{
    Created,
    Updated,
    Archived,
    Restored,
    KeyPersonAdded,
    KeyPersonUpdated,
    KeyPersonRemoved,

    /// <summary>Passed from a leaver to their successor (客户交接); see <see cref="Handover"/>.</summary>
    HandedOver,

    /// <summary>A grade approved from a rating run (评级).</summary>
    Graded,

    /// <summary>A grade set by a person with a reason (人工调整).</summary>
    GradeOverridden,
}

/// <summary>One field's change in a customer's archive: who, when, field, old → new. Append-only.</summary>
public sealed class CustomerHistoryEntry
{
    private CustomerHistoryEntry() { }

    public CustomerHistoryEntry(long customerId, Guid changeSetId, HistoryAction action, FieldChange change, DateTimeOffset at, long byStaffId)
    {
        CustomerId = customerId;
        ChangeSetId = changeSetId;
        Action = action;
        Field = change.Field;
        OldValue = change.OldValue;
        NewValue = change.NewValue;
        At = at;
        ByStaffId = byStaffId;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public Guid ChangeSetId { get; private set; }
    public HistoryAction Action { get; private set; }
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long ByStaffId { get; private set; }
}
