using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Handovers;

internal static class HandoverReader
{
    /// <summary>
    /// The records a caller may read: all of them with company-wide scope; otherwise those they made or took part in,
    /// and those whose leaver or successor belongs to their units. Records carry names and counts only; customers are
    /// named in <see cref="ReadAsync"/> through the visibility rule.
    /// </summary>
    public static IQueryable<Handover> Readable(this IQueryable<Handover> handovers, CurrentUser user, CrmDbContext db)
    {
        var scope = user.CustomerScope;
        if (scope.Kind == ScopeKind.All)
            return handovers;
        var me = user.StaffId;
        var unitStaff = db.Staff.Where(s => scope.UnitIds.Contains(s.UnitId)).Select(s => s.Id);
        return handovers.Where(h => h.ByStaffId == me || h.FromStaffId == me || h.ToStaffId == me
                                    || unitStaff.Contains(h.FromStaffId) || unitStaff.Contains(h.ToStaffId));
    }

    public static IQueryable<HandoverListItem> ToListItems(this IQueryable<Handover> handovers, CrmDbContext db) =>
        handovers.Select(h => new HandoverListItem(h.Id,
            new StaffRef(h.FromStaffId, db.Staff.Where(s => s.Id == h.FromStaffId).Select(s => s.DisplayName).First()),
            new StaffRef(h.ToStaffId, db.Staff.Where(s => s.Id == h.ToStaffId).Select(s => s.DisplayName).First()),
            h.At,
            new StaffRef(h.ByStaffId, db.Staff.Where(s => s.Id == h.ByStaffId).Select(s => s.DisplayName).First()),
            h.Reason, h.DisableLeaver, h.CustomerCount, h.CoServedCount));

    public static async Task<HandoverDetail?> ReadAsync(CrmDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var record = await db.Handovers.AsNoTracking().Readable(user, db).Where(h => h.Id == id).ToListItems(db).SingleOrDefaultAsync(ct);
        if (record is null)
            return null;
        var items = await db.HandoverItems.AsNoTracking().Where(i => i.HandoverId == id).OrderBy(i => i.Id).ToListAsync(ct);
        var ids = items.Select(i => i.CustomerId).Distinct().ToList();
        var named = await db.Customers.AsNoTracking().VisibleTo(user, db).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        return new HandoverDetail(record.Id, record.From, record.To, record.At, record.By, record.Reason, record.DisableLeaver,
            record.CustomerCount, record.CoServedCount,
            items.Select(i => new HandoverItemDto(i.CustomerId, named.GetValueOrDefault(i.CustomerId)?.Code, named.GetValueOrDefault(i.CustomerId)?.Name,
                i.Role, i.PreviousOwningUnitId, i.PreviousOwnerId, i.NewOwningUnitId, i.NewOwnerId)).ToList());
    }
}
