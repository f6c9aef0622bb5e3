using Crm.Api.Data;
using Crm.Api.Domain.Activities;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.FollowUp;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.FollowUp;

/// <summary>How many contacts of a kind people in a role made with customers in a period (from activities).</summary>
internal static class ContactDuties
{
    private const Positions Leaders = Positions.GeneralManager | Positions.DeputyGeneralManager;
    private const Positions Managers = Positions.UnitManager | Positions.DeputyManager;

    /// <summary>The people who hold a role towards one customer.</summary>
    public static IQueryable<long> Holders(CrmDbContext db, ContactRole role, long owningUnitId, long ownerId) => role switch
    {
        ContactRole.CompanyLeader => db.Staff.Where(s => s.IsActive && (s.Positions & Leaders) != 0).Select(s => s.Id),
        ContactRole.UnitManager => db.Staff.Where(s => s.IsActive && s.UnitId == owningUnitId && (s.Positions & Managers) != 0).Select(s => s.Id),
        _ => db.Staff.Where(s => s.Id == ownerId).Select(s => s.Id),
    };

    /// <summary>Contacts counted for a rule: activities of the rule's kinds in the period in which any of <paramref name="people"/> took part.</summary>
    public static Task<int> CountAsync(CrmDbContext db, long customerId, ContactKind kind, DateOnly from, DateOnly to, IQueryable<long> people, CancellationToken ct)
    {
        var kinds = ContactRules.ActivitiesFor(kind).ToList();
        return db.Activities.Where(a => a.CustomerId == customerId && a.OccurredOn >= from && a.OccurredOn <= to && kinds.Contains(a.Kind)
                                        && a.Participants.Any(p => people.Contains(p.StaffId)))
            .CountAsync(ct);
    }

    public static bool HoldsRole(Staff person, ContactRole role, Customer customer) => role switch
    {
        ContactRole.CompanyLeader => (person.Positions & Leaders) != 0,
        ContactRole.UnitManager => person.UnitId == customer.OwningUnitId && (person.Positions & Managers) != 0,
        _ => person.Id == customer.OwnerId,
    };
}
