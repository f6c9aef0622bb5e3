using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Complaints;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record ComplaintTransitionDto(ComplaintStatus? From, ComplaintStatus To, string? Note, DateTimeOffset At, StaffRef By);

/// <param name="Unit">The customer's owning unit when the complaint was received.</param>
/// <param name="Allowed">The statuses the complaint may move to next.</param>
/// <param name="Rounds">How often the customer was not satisfied with a reply.</param>
public sealed record ComplaintDto(
    long Id,
    long CustomerId,
    string CustomerName,
    UnitRef Unit,
    DateOnly ReceivedOn,
    string Subject,
    string Description,
    ComplaintStatus Status,
    IReadOnlyList<ComplaintStatus> Allowed,
    bool? Substantiated,
    UnitRef? ResponsibleUnit,
    StaffRef? ResponsibleStaff,
    string? Finding,
    string? CorrectiveAction,
    string? Review,
    StaffRef? ReviewedBy,
    DateOnly? ArchivedOn,
    int Rounds,
    IReadOnlyList<ComplaintTransitionDto> History,
    int Version);

/// <summary>
/// Who may do what with complaints. Reading follows the customer's visibility (invisible: 404). Registering needs
/// customers.write or complaints.manage reaching the customer; moving one through the workflow needs complaints.manage reaching it.
/// </summary>
internal static class ComplaintAccess
{
    /// <summary>Complaints and praises alike: whoever maintains the customer or handles its complaints records what the customer says.</summary>
    public static Error? CheckMayRegister(CurrentUser user, Customer customer, string what = "投诉") =>
        CustomerWrites.Reaches(user, Permissions.CustomersWrite, customer) || CustomerWrites.Reaches(user, Permissions.ComplaintsManage, customer)
            ? null
            : Error.Forbidden($"需要对该客户的维护权限（customers.write）或投诉处理权限（complaints.manage）才能登记{what}。");

    public static Error? CheckMayHandle(CurrentUser user, Customer customer) =>
        CustomerWrites.Reaches(user, Permissions.ComplaintsManage, customer) ? null : Error.Forbidden("需要投诉处理权限（complaints.manage）。");

    public static async Task<List<ComplaintDto>> ToDtosAsync(CrmDbContext db, IReadOnlyList<Complaint> complaints, CancellationToken ct)
    {
        var customerIds = complaints.Select(c => c.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var unitIds = complaints.Select(c => c.UnitId).Concat(complaints.Where(c => c.ResponsibleUnitId != null).Select(c => c.ResponsibleUnitId!.Value)).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var staffIds = complaints.SelectMany(c => c.Transitions.Select(t => t.ByStaffId))
            .Concat(complaints.Where(c => c.ResponsibleStaffId != null).Select(c => c.ResponsibleStaffId!.Value))
            .Concat(complaints.Where(c => c.ReviewedById != null).Select(c => c.ReviewedById!.Value)).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).Select(s => new { s.Id, s.DisplayName }).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);

        StaffRef Person(long id) => new(id, staff.GetValueOrDefault(id, ""));
        UnitRef Unit(long id) => new(id, units.GetValueOrDefault(id, ""));
        return complaints.Select(c => new ComplaintDto(c.Id, c.CustomerId, customers.GetValueOrDefault(c.CustomerId, ""), Unit(c.UnitId), c.ReceivedOn, c.Subject,
            c.Description, c.Status, Complaint.Allowed(c.Status), c.Substantiated, c.ResponsibleUnitId is { } u ? Unit(u) : null,
            c.ResponsibleStaffId is { } p ? Person(p) : null, c.Finding, c.CorrectiveAction, c.Review, c.ReviewedById is { } r ? Person(r) : null,
            c.ArchivedOn, c.Rounds, c.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new ComplaintTransitionDto(t.From, t.To, t.Note, t.At, Person(t.ByStaffId))).ToList(),
            c.Version)).ToList();
    }

    public static async Task<ComplaintDto> ToDtoAsync(CrmDbContext db, Complaint complaint, CancellationToken ct) =>
        (await ToDtosAsync(db, [complaint], ct))[0];
}
