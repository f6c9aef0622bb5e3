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
    /// <summary>The rule for lookups by id, nested resources and tracked writes (works under Include and projections).</summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, CurrentUser user, CrmDbContext db) =>
        customers.Within(user.CustomerScope, db);

    /// <summary>The customers a scope reaches, shaped for lookups, Include and tracked writes.</summary>
    public static IQueryable<Customer> Within(this IQueryable<Customer> customers, CustomerScope scope, CrmDbContext db)
    {
        if (scope.Kind != ScopeKind.Own)
            return customers.VisibleAsSet(scope, db);
        var visible = db.Customers.VisibleAsSet(scope, db);
        return customers.Where(c => visible.Any(v => v.Id == c.Id));
    }

    /// <summary>
    /// The same rule shaped for lists. A salesperson's customers are two branches instead of an OR: SQLite pushes the
    /// list's other filters into each branch, so the owned branch is answered from the (OwnerId, IsArchived, Id)
    /// index and counts need no table reads. The branches never overlap: an owner is never also a co-server.
    /// </summary>
    public static IQueryable<Customer> VisibleAsSet(this IQueryable<Customer> customers, CustomerScope scope, CrmDbContext db)
    {
        var me = scope.StaffId;
        var coServed = db.CustomerCoServers.Where(x => x.StaffId == me).Select(x => x.CustomerId);
        var granted = scope.GrantedCustomerIds;
        return scope.Kind switch
        {
            ScopeKind.All => customers,
            ScopeKind.None => customers.Where(c => granted.Contains(c.Id)),
            ScopeKind.Units => customers.Where(c =>
                scope.UnitIds.Contains(c.OwningUnitId)
                || (c.ServiceUnitId != null && scope.UnitIds.Contains(c.ServiceUnitId.Value))
                || c.OwnerId == me
                || coServed.Contains(c.Id)
                || granted.Contains(c.Id)),
            _ when granted.Count == 0 => customers.Where(c => c.OwnerId == me).Concat(customers.Where(c => coServed.Contains(c.Id))),
            // Granted customers the person does not also own or co-serve, so the branches never overlap.
            _ => customers.Where(c => c.OwnerId == me).Concat(customers.Where(c => coServed.Contains(c.Id)))
                .Concat(customers.Where(c => granted.Contains(c.Id) && c.OwnerId != me && !coServed.Contains(c.Id))),
        };
    }
}
