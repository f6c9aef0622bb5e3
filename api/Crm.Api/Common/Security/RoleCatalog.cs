using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Security;

/// <summary>The built-in roles in the database, and the default roles for a person's positions.</summary>
public static class RoleCatalog
{
    /// <summary>Creates the built-in roles that are missing (every start; an administrator's edits are kept).</summary>
    public static async Task EnsureBuiltInRolesAsync(CrmDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Code).ToListAsync(ct);
        foreach (var definition in DefaultRoles.All.Where(d => !existing.Contains(d.Code)))
            db.Roles.Add(new Role(definition.Code, definition.Name, definition.Description, isBuiltIn: true, definition.Grants));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives each person the default roles of their positions and unit (for people created in bulk).</summary>
    public static async Task AssignDefaultRolesAsync(CrmDbContext db, IReadOnlyCollection<Staff> staff, CancellationToken ct)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var unitIds = staff.Select(s => s.UnitId).Distinct().ToList();
        var unitKinds = await db.OrgUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        foreach (var person in staff)
            person.AssignRoles(DefaultRoles.For(person.Positions, unitKinds[person.UnitId]).Select(code => roleIds[code]).ToList());
    }

    public static async Task<IReadOnlyList<long>> DefaultRoleIdsAsync(CrmDbContext db, Positions positions, OrgUnitKind unitKind, CancellationToken ct)
    {
        var codes = DefaultRoles.For(positions, unitKind);
        return await db.Roles.Where(r => codes.Contains(r.Code)).Select(r => r.Id).ToListAsync(ct);
    }
}

/// <summary>Somebody must always be able to administer roles: the last administrator cannot be removed.</summary>
public static class AdministratorGuard
{
    public static readonly Error LastAdministrator =
        Error.Conflict("lastAdministrator", "至少要保留一名在职的管理员（拥有 admin.roles 权限）：不能停用、降级或移除最后一名管理员。");

    /// <summary>Saves the pending changes only if an active person still holds admin.roles afterwards.</summary>
    public static async Task<Error?> SaveKeepingAnAdministratorAsync(CrmDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (!await AnyActiveAdministratorAsync(db, ct))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return LastAdministrator;
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Whether, as the database stands in this transaction, an active person holds admin.roles.</summary>
    public static Task<bool> AnyActiveAdministratorAsync(CrmDbContext db, CancellationToken ct) =>
        db.StaffRoles
            .Where(sr => db.Staff.Any(s => s.Id == sr.StaffId && s.IsActive))
            .Where(sr => db.RolePermissions.Any(p => p.RoleId == sr.RoleId && p.Permission == Permissions.AdminRoles))
            .AnyAsync(ct);
}
