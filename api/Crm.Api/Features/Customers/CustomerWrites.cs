using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>What every change to a visible archive, or to its key persons, must satisfy.</summary>
internal static class CustomerWrites
{
    /// <summary>The caller holds <paramref name="permission"/> with a scope that reaches this customer (co-servers loaded).</summary>
    public static bool Reaches(CurrentUser user, string permission, Customer customer) =>
        user.ScopeFor(permission).Allows(customer.OwningUnitId, customer.ServiceUnitId, customer.OwnerId, customer.CoServers.Select(c => c.StaffId));

    /// <summary>A customer the caller may see, untracked, with its co-servers (for <see cref="Reaches"/>); null when it is not there for them.</summary>
    public static Task<Customer?> FindVisibleAsync(CrmDbContext db, CurrentUser user, long customerId, CancellationToken ct) =>
        db.Customers.AsNoTracking().VisibleTo(user, db).Include(c => c.CoServers).SingleOrDefaultAsync(c => c.Id == customerId, ct);

    public static Error? CheckWritable(CurrentUser user, Customer customer)
    {
        if (!Reaches(user, Permissions.CustomersWrite, customer))
            return Error.Forbidden("需要对该客户的维护权限（customers.write）。");
        return customer.IsArchived ? Error.Conflict("archived", "客户已归档，请先恢复再修改。") : null;
    }

    /// <summary>A visible customer, tracked, with just the one key person loaded; null when either is not there for the caller.</summary>
    public static async Task<(Customer Customer, KeyPerson Person)?> FindKeyPersonAsync(CrmDbContext db, CurrentUser user, long customerId,
        long keyPersonId, CancellationToken ct)
    {
        var customer = await db.Customers.VisibleTo(user, db)
            .Include(c => c.KeyPersons.Where(k => k.Id == keyPersonId))
            .Include(c => c.CoServers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == customerId, ct);
        return customer?.KeyPersons.SingleOrDefault() is { } person ? (customer, person) : null;
    }
}
