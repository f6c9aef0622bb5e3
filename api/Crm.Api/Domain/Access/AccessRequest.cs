namespace Crm.Api.Domain.Access;

public enum AccessRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>
/// A request to read an archive the requester may not see (未经许可，任何人不得随意调阅客户档案). It is routed to one
/// approver by the policy; approving it creates a read-only <see cref="AccessGrant"/> that expires by itself.
/// </summary>
public sealed class AccessRequest
{
    private AccessRequest() { }

    public AccessRequest(long customerId, long requesterId, long approverId, ApprovalRoute route, string reason, int days, DateTimeOffset at)
    {
        CustomerId = customerId;
        RequesterId = requesterId;
        ApproverId = approverId;
        Route = route;
        Reason = reason;
        Days = days;
        CreatedAt = at;
        Status = AccessRequestStatus.Pending;
        Version = 1;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long RequesterId { get; private set; }
    public long ApproverId { get; private set; }
    public ApprovalRoute Route { get; private set; }
    public string Reason { get; private set; } = "";
    public int Days { get; private set; }
    public AccessRequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public long? DecidedById { get; private set; }
    public string? DecisionComment { get; private set; }
    public int Version { get; private set; }

    public AccessGrant Approve(long deciderId, string? comment, DateTimeOffset at)
    {
        Decide(AccessRequestStatus.Approved, deciderId, comment, at);
        return new AccessGrant(this, at, at.AddDays(Days));
    }

    public void Reject(long deciderId, string? comment, DateTimeOffset at) => Decide(AccessRequestStatus.Rejected, deciderId, comment, at);

    public void Cancel(DateTimeOffset at) => Decide(AccessRequestStatus.Cancelled, RequesterId, null, at);

    private void Decide(AccessRequestStatus outcome, long deciderId, string? comment, DateTimeOffset at)
    {
        if (Status != AccessRequestStatus.Pending)
            throw new InvalidOperationException("The request has already been decided.");
        Status = outcome;
        DecidedById = deciderId;
        DecisionComment = comment;
        DecidedAt = at;
        Version++;
    }
}

/// <summary>Read-only access to one archive for one person, until it expires or is revoked.</summary>
public sealed class AccessGrant
{
    private AccessGrant() { }

    internal AccessGrant(AccessRequest request, DateTimeOffset startsAt, DateTimeOffset expiresAt)
    {
        Request = request;
        CustomerId = request.CustomerId;
        GranteeId = request.RequesterId;
        GrantedById = request.DecidedById!.Value;
        StartsAt = startsAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }
    public long RequestId { get; private set; }
    public AccessRequest? Request { get; private set; }
    public long CustomerId { get; private set; }
    public long GranteeId { get; private set; }
    public long GrantedById { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public long? RevokedById { get; private set; }
    public string? RevokeReason { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && StartsAt <= now && now < ExpiresAt;

    public void Revoke(long byStaffId, string? reason, DateTimeOffset at)
    {
        if (RevokedAt is not null)
            throw new InvalidOperationException("The grant is already revoked.");
        RevokedAt = at;
        RevokedById = byStaffId;
        RevokeReason = reason;
    }
}
