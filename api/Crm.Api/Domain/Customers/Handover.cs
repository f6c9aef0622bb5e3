namespace Crm.Api.Domain.Customers;

/// <summary>What the leaver was to a customer handed over: its owner, or one of its co-servers.</summary>
public enum HandoverRole
{
    Owner,
    CoServer,
}

/// <summary>
/// One customer handover (客户交接): a person's archives passed to their successor in one operation (DOMAIN.md §4,
/// 接收、整理、归档并转交). Append-only; the customers' own history records each change as well.
/// </summary>
public sealed class Handover
{
    public const int ReasonMaxLength = 500;

    private readonly List<HandoverItem> _items = [];

    private Handover() { }

    public Handover(long fromStaffId, long toStaffId, string reason, bool disableLeaver, DateTimeOffset at, long byStaffId)
    {
        if (fromStaffId == toStaffId)
            throw new ArgumentException("The successor cannot be the leaver.", nameof(toStaffId));
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
            throw new ArgumentException($"A reason of at most {ReasonMaxLength} characters is required.", nameof(reason));
        FromStaffId = fromStaffId;
        ToStaffId = toStaffId;
        Reason = reason.Trim();
        DisableLeaver = disableLeaver;
        At = at;
        ByStaffId = byStaffId;
    }

    public long Id { get; private set; }
    public long FromStaffId { get; private set; }
    public long ToStaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long ByStaffId { get; private set; }
    public string Reason { get; private set; } = "";
    public bool DisableLeaver { get; private set; }

    /// <summary>Customers whose ownership passed to the successor.</summary>
    public int CustomerCount { get; private set; }

    /// <summary>Customers on which the successor replaced the leaver as co-server.</summary>
    public int CoServedCount { get; private set; }

    public IReadOnlyCollection<HandoverItem> Items => _items;

    public void AddOwned(long customerId, long previousOwningUnitId, long newOwningUnitId)
    {
        _items.Add(new HandoverItem(customerId, HandoverRole.Owner, previousOwningUnitId, FromStaffId, newOwningUnitId, ToStaffId));
        CustomerCount++;
    }

    /// <summary>Ownership of a co-served customer does not change; the item keeps its owner for the record.</summary>
    public void AddCoServed(long customerId, long owningUnitId, long ownerId)
    {
        _items.Add(new HandoverItem(customerId, HandoverRole.CoServer, owningUnitId, ownerId, owningUnitId, ownerId));
        CoServedCount++;
    }
}

public sealed class HandoverItem
{
    private HandoverItem() { }

    public HandoverItem(long customerId, HandoverRole role, long previousOwningUnitId, long previousOwnerId, long newOwningUnitId, long newOwnerId)
    {
        CustomerId = customerId;
        Role = role;
        PreviousOwningUnitId = previousOwningUnitId;
        PreviousOwnerId = previousOwnerId;
        NewOwningUnitId = newOwningUnitId;
        NewOwnerId = newOwnerId;
    }

    public long Id { get; private set; }
    public long HandoverId { get; private set; }
    public long CustomerId { get; private set; }
    public HandoverRole Role { get; private set; }
    public long PreviousOwningUnitId { get; private set; }
    public long PreviousOwnerId { get; private set; }
    public long NewOwningUnitId { get; private set; }
    public long NewOwnerId { get; private set; }
}
