using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Security;

/// <summary>
/// What disabling a person who leaves (调离/离职) means, wherever it is done (the staff admin, a customer handover):
/// the account stops, its refresh tokens and access grants are revoked, and the new security stamp refuses its
/// access tokens on their next request.
/// </summary>
internal static class StaffDeactivation
{
    /// <summary>Disables <paramref name="staff"/> (tracked) in the unit of work. The caller marks the access stamp
    /// and saves through <see cref="AdministratorGuard.SaveKeepingAnAdministratorAsync"/> or inside its own transaction.</summary>
    public static async Task<Error?> DisableAsync(CrmDbContext db, Staff staff, long byStaffId, DateTimeOffset now, CancellationToken ct)
    {
        if (!staff.IsActive)
            return Error.Conflict("alreadyDisabled", "该人员已停用。");

        staff.Disable();
        foreach (var token in await db.RefreshTokens.Where(t => t.StaffId == staff.Id && t.RevokedAt == null).ToListAsync(ct))
            token.Revoke(now);
        foreach (var grant in await db.AccessGrants.Where(g => g.GranteeId == staff.Id && g.RevokedAt == null && g.ExpiresAt > now).ToListAsync(ct))
            grant.Revoke(byStaffId, "人员停用", now);
        return null;
    }
}
