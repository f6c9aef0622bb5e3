using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Expenses;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Expenses;

/// <param name="Reimbursable">Whether finance may reimburse it: the customer was filed on or before <paramref name="SpentOn"/>.</param>
/// <param name="Reason">Why not (zh-CN); null when reimbursable.</param>
public sealed record ExpenseDto(long Id, long CustomerId, DateOnly SpentOn, ExpenseCategory Category, decimal Amount, string? Description,
    bool Reimbursable, string? Reason, StaffRef RecordedBy, DateTimeOffset CreatedAt);

/// <summary>The customer's filing record as finance needs it.</summary>
/// <param name="MetOn">The business date of the accepted submission: the date the customer counts as filed from.</param>
public sealed record FilingRecordDto(long Id, ObligationStatus Status, DateOnly TriggeredOn, DateOnly DueOn, DateOnly? SubmittedOn, DateOnly? MetOn,
    DateTimeOffset? DecidedAt, StaffRef? DecidedBy);

/// <param name="Filed">Filed as of <paramref name="AsOf"/>: the filing was accepted and its met date is on or before it.</param>
public sealed record FilingStatusDto(long CustomerId, string CustomerName, DateOnly AsOf, bool Filed, FilingRecordDto? Filing);

internal static class ExpenseAccess
{
    /// <summary>The met date of the customer's filing; null while it is not accepted.</summary>
    public static Task<DateOnly?> FiledOnAsync(CrmDbContext db, long customerId, CancellationToken ct) =>
        db.Obligations.AsNoTracking().Where(o => o.CustomerId == customerId && o.Kind == ObligationKind.Filing && o.Status == ObligationStatus.Met)
            .Select(o => o.MetOn).SingleOrDefaultAsync(ct);

    public static async Task<List<ExpenseDto>> ToDtosAsync(CrmDbContext db, IReadOnlyList<Expense> expenses, DateOnly? filedOn, CancellationToken ct)
    {
        var ids = expenses.Select(e => e.CreatedById).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return expenses.Select(e =>
        {
            var refusal = Reimbursability.Refusal(filedOn, e.SpentOn);
            return new ExpenseDto(e.Id, e.CustomerId, e.SpentOn, e.Category, e.Amount, e.Description, refusal is null, refusal,
                new StaffRef(e.CreatedById, names.GetValueOrDefault(e.CreatedById, "")), e.CreatedAt);
        }).ToList();
    }
}
