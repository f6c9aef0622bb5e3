namespace Crm.Api.Domain.Complaints;

/// <summary>
/// A customer's praise (客户表扬) of our service, counted among the account manager's indicators next to complaints
/// (DOMAIN.md §7). It may name the person praised; the unit is theirs, or the customer's owning unit.
/// </summary>
public sealed class Praise
{
    public const int TextMaxLength = 2000;

    private Praise() { }

    public Praise(long customerId, long unitId, long? praisedStaffId, DateOnly receivedOn, string content, DateTimeOffset now, long byStaffId)
    {
        CustomerId = customerId;
        UnitId = unitId;
        PraisedStaffId = praisedStaffId;
        ReceivedOn = receivedOn;
        Content = content;
        CreatedAt = now;
        CreatedById = byStaffId;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long UnitId { get; private set; }
    public long? PraisedStaffId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string Content { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
}
