using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Whether the caller sees a customer's key persons unmasked: customers.readSensitive at that customer's scope.</summary>
internal static class SensitiveAccess
{
    public static async Task<bool> MayReadAsync(CrmDbContext db, CurrentUser user, long customerId, CancellationToken ct)
    {
        var scope = user.ScopeFor(Permissions.CustomersReadSensitive);
        return scope.Kind switch
        {
            ScopeKind.All => true,
            ScopeKind.None => false,
            _ => await db.Customers.Within(scope, db).AnyAsync(c => c.Id == customerId, ct),
        };
    }

    public static KeyPersonDto Protect(this KeyPersonDto person, bool mayReadSensitive) => mayReadSensitive
        ? person
        : person with
        {
            Phone = SensitiveData.MaskPhone(person.Phone),
            Email = SensitiveData.MaskEmail(person.Email),
            Birthday = null,
            Anniversaries = null,
            Personality = null,
            Interests = null,
            Education = null,
            Age = null,
            Family = null,
            Masked = true,
        };
}
