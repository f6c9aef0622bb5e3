using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

/// <summary>What the minimal lookup reveals about a customer: enough to ask for access, nothing of the archive.</summary>
public sealed record CustomerLookupResult(long CustomerId, string Name, long OwningUnitId, string OwningUnitName, bool VisibleToYou);

/// <summary>A read-only grant that expires by itself.</summary>
public sealed record AccessGrantDto(
    long Id,
    long RequestId,
    long CustomerId,
    string CustomerName,
    StaffRef Grantee,
    StaffRef GrantedBy,
    DateTimeOffset StartsAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokeReason,
    bool Active);

public sealed record AccessRequestDto(
    long Id,
    long CustomerId,
    string CustomerName,
    string OwningUnitName,
    StaffRef Requester,
    StaffRef Approver,
    ApprovalRoute Route,
    string Reason,
    int Days,
    AccessRequestStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    StaffRef? DecidedBy,
    string? DecisionComment,
    AccessGrantDto? Grant,
    int Version);

public sealed class AccessRequestOptions
{
    /// <summary>Longest a grant may last, in days (policy default 7).</summary>
    public int MaxDays { get; set; } = 7;
}

internal static class AccessRequestReader
{
    /// <summary>Who may see a request: its requester, its approver, and those who approve or administer company-wide.</summary>
    public static IQueryable<AccessRequest> ReadableBy(this IQueryable<AccessRequest> requests, CurrentUser user) =>
        CanOverseeAll(user) ? requests : requests.Where(r => r.RequesterId == user.StaffId || r.ApproverId == user.StaffId);

    public static bool CanOverseeAll(CurrentUser user) =>
        (user.Permissions.TryGetValue(Permissions.AccessApprove, out var scope) && scope == DataScope.All) || user.Has(Permissions.AdminRoles);

    public static IQueryable<AccessRequestDto> ToDtos(this IQueryable<AccessRequest> requests, CrmDbContext db, DateTimeOffset now) =>
        requests.Select(r => new AccessRequestDto(
            r.Id, r.CustomerId,
            db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).First(),
            db.Customers.Where(c => c.Id == r.CustomerId).Join(db.OrgUnits, c => c.OwningUnitId, u => u.Id, (_, u) => u.Name).First(),
            new StaffRef(r.RequesterId, db.Staff.Where(s => s.Id == r.RequesterId).Select(s => s.DisplayName).First()),
            new StaffRef(r.ApproverId, db.Staff.Where(s => s.Id == r.ApproverId).Select(s => s.DisplayName).First()),
            r.Route, r.Reason, r.Days, r.Status, r.CreatedAt, r.DecidedAt,
            r.DecidedById == null ? null : new StaffRef(r.DecidedById.Value, db.Staff.Where(s => s.Id == r.DecidedById).Select(s => s.DisplayName).First()),
            r.DecisionComment,
            db.AccessGrants.Where(g => g.RequestId == r.Id).Select(g => new AccessGrantDto(g.Id, g.RequestId, g.CustomerId,
                db.Customers.Where(c => c.Id == g.CustomerId).Select(c => c.Name).First(),
                new StaffRef(g.GranteeId, db.Staff.Where(s => s.Id == g.GranteeId).Select(s => s.DisplayName).First()),
                new StaffRef(g.GrantedById, db.Staff.Where(s => s.Id == g.GrantedById).Select(s => s.DisplayName).First()),
                g.StartsAt, g.ExpiresAt, g.RevokedAt, g.RevokeReason, g.RevokedAt == null && g.StartsAt <= now && g.ExpiresAt > now)).FirstOrDefault(),
            r.Version));

    public static Task<AccessRequestDto?> ReadAsync(CrmDbContext db, long id, DateTimeOffset now, CancellationToken ct) =>
        db.AccessRequests.AsNoTracking().Where(r => r.Id == id).ToDtos(db, now).SingleOrDefaultAsync(ct);
}
