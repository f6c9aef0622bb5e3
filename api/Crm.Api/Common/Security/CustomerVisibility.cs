using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;

namespace Crm.Api.Common.Security;

/// <summary>
/// The one server-side rule for which customers a caller may read, applied inside every query that returns
/// customer data. What it filters out does not exist for the caller (404), in lists and nested resources alike.
/// </summary>
public static class CustomerVisibility
{
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, CustomerScope scope, CrmDbContext db)
    {
        var me = scope.StaffId;
        var coServed = db.CustomerCoServers.Where(x => x.StaffId == me).Select(x => x.CustomerId);
        return scope.Kind switch
        {
            ScopeKind.All => customers,
            ScopeKind.UnitSubtree => customers.Where(c =>
                scope.UnitIds.Contains(c.OwningUnitId)
                || (c.ServiceUnitId != null && scope.UnitIds.Contains(c.ServiceUnitId.Value))
                || c.OwnerId == me
                || coServed.Contains(c.Id)),
            // As one id set rather than an OR: SQLite then walks the set in id order instead of sorting every match.
            _ => customers.Where(c => db.Customers.Where(x => x.OwnerId == me).Select(x => x.Id).Concat(coServed).Contains(c.Id)),
        };
    }

    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, CurrentUser user, CrmDbContext db) =>
        customers.VisibleTo(user.CustomerScope, db);
}
