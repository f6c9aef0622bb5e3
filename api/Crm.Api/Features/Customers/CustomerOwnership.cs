using System.Security.Cryptography;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

internal sealed record CustomerOwnership(long OwningUnitId, long OwnerId, long? ServiceUnitId, IReadOnlyList<long> CoServerIds);

/// <summary>
/// Who owns, serves and co-serves a customer, checked against the organisation and the caller's rights: assigning
/// to someone else needs <c>customers.assign</c>, and nobody can place a customer outside what they may see.
/// </summary>
internal static class CustomerOwnershipRules
{
    public static async Task<Result<CustomerOwnership>> ResolveAsync(CrmDbContext db, CurrentUser user, CustomerFieldsBody fields,
        CustomerOwnership? current, CancellationToken ct)
    {
        var ownerId = fields.OwnerId ?? current?.OwnerId ?? user.StaffId;
        var owner = await db.Staff.AsNoTracking().Where(s => s.Id == ownerId && s.IsActive)
            .Select(s => new { s.Id, s.UnitId, UnitPath = s.Unit!.Path }).SingleOrDefaultAsync(ct);
        if (owner is null)
            return Error.Field("ownerId", "负责人不存在或已停用。");

        // Omitted on update: the unit stays while the owner does; a new owner brings their unit.
        var owningUnitId = fields.OwningUnitId ?? (current is not null && current.OwnerId == ownerId ? current.OwningUnitId : owner.UnitId);
        var unitPath = await db.OrgUnits.AsNoTracking().Where(u => u.Id == owningUnitId && u.IsActive).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null)
            return Error.Field("owningUnitId", "所属单元不存在或已停用。");
        if (!owner.UnitPath.StartsWith(unitPath, StringComparison.Ordinal))
            return Error.Field("ownerId", "负责人必须属于客户的所属单元或其下级单元。");

        var serviceUnitId = fields.ServiceUnitId ?? current?.ServiceUnitId;
        if (fields.ServiceUnitId is { } requestedServiceUnit && !await db.OrgUnits.AnyAsync(u => u.Id == requestedServiceUnit && u.IsActive, ct))
            return Error.Field("serviceUnitId", "服务单位不存在或已停用。");

        var coServerIds = (fields.CoServerIds ?? current?.CoServerIds ?? []).Where(id => id != ownerId).Distinct().ToList();
        if (coServerIds.Count > 0)
        {
            var found = await db.Staff.CountAsync(s => coServerIds.Contains(s.Id) && s.IsActive, ct);
            if (found != coServerIds.Count)
                return Error.Field("coServerIds", "协同服务人员中有人不存在或已停用。");
        }

        var result = new CustomerOwnership(owningUnitId, ownerId, serviceUnitId, coServerIds);
        var reassigned = current is null
            ? ownerId != user.StaffId || owningUnitId != owner.UnitId
            : current.OwnerId != ownerId || current.OwningUnitId != owningUnitId || current.ServiceUnitId != serviceUnitId;
        if (reassigned && !user.ScopeFor(Permissions.CustomersAssign).Allows(owningUnitId, serviceUnitId, ownerId, coServerIds))
            return Error.Forbidden("只能为自己登记或维护客户；指定其他负责人、单元或服务单位需要该范围内的分配权限（customers.assign）。");
        if (!user.ScopeFor(Permissions.CustomersWrite).Allows(owningUnitId, serviceUnitId, ownerId, coServerIds))
            return Error.Forbidden("不能把客户登记到自己维护权限范围以外的单元或人员。");
        return result;
    }

    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A customer code when the client gives none: "KH" and ten random characters (no I, L, O, U).</summary>
    public static async Task<string> NewCodeAsync(CrmDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var code = "KH" + RandomNumberGenerator.GetString(CodeAlphabet, 10);
            if (!await db.Customers.AnyAsync(c => c.Code == code, ct))
                return code;
        }
    }
}
