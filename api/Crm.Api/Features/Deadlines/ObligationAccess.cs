using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

/// <summary>
/// Who may do what with obligations. Reading follows the customer's visibility (invisible: 404). Submitting needs
/// customers.write reaching the customer (the owning unit's people); accepting and returning need deadlines.manage
/// reaching it (the customer-management department).
/// </summary>
internal static class ObligationAccess
{
    public static Error? CheckMaySubmit(CurrentUser user, Customer customer)
    {
        if (!CustomerWrites.Reaches(user, Permissions.CustomersWrite, customer))
            return Error.Forbidden("需要对该客户的维护权限（customers.write）才能提交备案或变更报告。");
        return customer.IsArchived ? Error.Conflict("archived", "客户已归档，请先恢复再提交。") : null;
    }

    public static Error? CheckMayDecide(CurrentUser user, Customer customer) =>
        CustomerWrites.Reaches(user, Permissions.DeadlinesManage, customer) ? null : Error.Forbidden("需要备案审核权限（deadlines.manage）。");

    /// <summary>The customer's filing, or the change report with <paramref name="reportId"/>, tracked.</summary>
    public static Task<Obligation?> FindObligationAsync(CrmDbContext db, long customerId, ObligationKind kind, long? reportId, CancellationToken ct) =>
        db.Obligations.Where(o => o.CustomerId == customerId && o.Kind == kind && (reportId == null || o.Id == reportId)).SingleOrDefaultAsync(ct);

    public static string What(ObligationKind kind) => kind == ObligationKind.Filing ? "客户备案" : "变更报告";
}
