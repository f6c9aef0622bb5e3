using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Security;

internal static class AdministratorGuard
{
    public static Task<bool> AnotherActiveAdministratorExists(CrmDbContext db, long staffId, CancellationToken ct) =>
        db.Staff.AnyAsync(s => s.Id != staffId && s.IsActive && (s.Positions & Positions.Administrator) != 0, ct);
}

/// <summary>
/// What disabling a person who leaves (调离/离职) means, wherever it is done (the staff admin, a customer handover):
/// the account stops, its refresh tokens are revoked, and the new security stamp refuses its access tokens.
/// </summary>
internal static class StaffDeactivation
{
    /// <summary>Disables <paramref name="staff"/> (tracked) and revokes their refresh tokens in the unit of work. The
    /// caller saves and then calls <see cref="AccessCache.Invalidate"/>, so that still-valid tokens fail on their next request.</summary>
    public static async Task<Error?> DisableAsync(CrmDbContext db, Staff staff, DateTimeOffset now, CancellationToken ct)
    {
        if (!staff.IsActive)
            return Error.Conflict("alreadyDisabled", "该人员已停用。");
        if (staff.Holds(Positions.Administrator) && !await AdministratorGuard.AnotherActiveAdministratorExists(db, staff.Id, ct))
            return Error.Conflict("lastAdministrator", "不能停用最后一名管理员。");

        staff.Disable();
        foreach (var token in await db.RefreshTokens.Where(t => t.StaffId == staff.Id && t.RevokedAt == null).ToListAsync(ct))
            token.Revoke(now);
        return null;
    }
}
