using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Activities;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Activities;

/// <summary>
/// Who may do what with activities. Reading follows the customer's visibility (invisible: 404). Recording one needs
/// activities.write reaching the customer; changing or deleting it needs the same for its author, and activities.manage
/// reaching the customer for anybody else (unit managers for their sub-tree, 市场部 and company leaders for all).
/// </summary>
internal static class ActivityAccess
{
    public static Error? CheckMayRecord(CurrentUser user, Customer customer)
    {
        if (!CustomerWrites.Reaches(user, Permissions.ActivitiesWrite, customer))
            return Error.Forbidden("需要对该客户登记跟进记录的权限（activities.write）。");
        return customer.IsArchived ? Error.Conflict("archived", "客户已归档，请先恢复再登记或修改跟进记录。") : null;
    }

    public static Error? CheckMayChange(CurrentUser user, Customer customer, Activity activity)
    {
        if (activity.CreatedById != user.StaffId && !CustomerWrites.Reaches(user, Permissions.ActivitiesManage, customer))
            return Error.Forbidden("只有登记人，或对该客户拥有 activities.manage 权限的管理人员，可以修改或删除这条跟进记录。");
        return CheckMayRecord(user, customer);
    }

    /// <summary>Field errors for participants who are not staff and key persons who are not this customer's.</summary>
    public static async Task<Error?> CheckReferencesAsync(CrmDbContext db, long customerId, ActivityDetails details, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var staffIds = details.ParticipantIds;
        var known = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        for (var i = 0; i < staffIds.Count; i++)
            if (!known.Contains(staffIds[i]))
                errors[$"participantIds[{i}]"] = ["人员不存在。"];
        var personIds = details.KeyPersonIds;
        var own = await db.KeyPersons.AsNoTracking().Where(k => k.CustomerId == customerId && personIds.Contains(k.Id)).Select(k => k.Id).ToListAsync(ct);
        for (var i = 0; i < personIds.Count; i++)
            if (!own.Contains(personIds[i]))
                errors[$"keyPersonIds[{i}]"] = ["不是该客户的关键人员。"];
        return errors.Count == 0 ? null : new Error(ErrorKind.Validation, "validation", "请求中有字段未通过校验。", errors);
    }

    /// <summary>The activity of a visible customer, tracked with its links; null when either is not there for the caller.</summary>
    public static async Task<(Customer Customer, Activity Activity)?> FindAsync(CrmDbContext db, CurrentUser user, long customerId, long activityId,
        CancellationToken ct)
    {
        var customer = await CustomerWrites.FindVisibleAsync(db, user, customerId, ct);
        if (customer is null)
            return null;
        var activity = await db.Activities.Include(a => a.Participants).Include(a => a.KeyPersons).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == activityId && a.CustomerId == customerId, ct);
        return activity is null ? null : (customer, activity);
    }
}
