using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.ReadLog;

/// <summary>Names the right through which a person reads an archive, as the read log records it:
/// <c>scope:&lt;DataScope&gt;</c> for a role scope, <c>grant:&lt;id&gt;</c> when only an access grant opens it.</summary>
public static class ReadRights
{
    public static async Task<IReadOnlyDictionary<long, string>> DescribeAsync(CrmDbContext db, CurrentUser user, IReadOnlyCollection<long> customerIds,
        CancellationToken ct)
    {
        var roleRight = "scope:" + (user.Permissions.TryGetValue(Permissions.CustomersRead, out var scope) ? scope.ToString() : "None");
        var granted = customerIds.Where(user.ActiveGrants.ContainsKey).ToList();
        var byRole = granted.Count == 0
            ? []
            : await db.Customers.Within(user.ScopeFor(Permissions.CustomersRead), db).Where(c => granted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return customerIds.Distinct().ToDictionary(id => id,
            id => granted.Contains(id) && !byRole.Contains(id) ? "grant:" + user.ActiveGrants[id] : roleRight);
    }
}
