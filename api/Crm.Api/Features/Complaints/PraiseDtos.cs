using Crm.Api.Data;
using Crm.Api.Domain.Complaints;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

/// <param name="Unit">The praised person's unit, or the customer's owning unit when nobody was named.</param>
public sealed record PraiseDto(long Id, long CustomerId, UnitRef Unit, StaffRef? PraisedStaff, DateOnly ReceivedOn, string Content, DateTimeOffset CreatedAt,
    StaffRef CreatedBy);

internal static class PraiseDtos
{
    public static async Task<List<PraiseDto>> ToDtosAsync(CrmDbContext db, IReadOnlyList<Praise> praises, CancellationToken ct)
    {
        var unitIds = praises.Select(p => p.UnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var staffIds = praises.SelectMany(p => new[] { p.PraisedStaffId, p.CreatedById }).OfType<long>().Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        StaffRef Person(long id) => new(id, staff.GetValueOrDefault(id, ""));
        return praises.Select(p => new PraiseDto(p.Id, p.CustomerId, new UnitRef(p.UnitId, units.GetValueOrDefault(p.UnitId, "")),
            p.PraisedStaffId is { } s ? Person(s) : null, p.ReceivedOn, p.Content, p.CreatedAt, Person(p.CreatedById))).ToList();
    }
}
