using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Feedback;

/// <summary>A 客户信息反馈表. <see cref="Grade"/> is the customer's grade when it was submitted; <see cref="Unit"/> the unit it counts for.</summary>
public sealed record FeedbackFormDto(
    long Id,
    long CustomerId,
    string CustomerName,
    string Month,
    string? Grade,
    UnitRef Unit,
    string Situation,
    string? Needs,
    string? CompetitorInfo,
    string? Suggestions,
    StaffRef SubmittedBy,
    DateTimeOffset SubmittedAt);

internal static class FeedbackMapping
{
    public static async Task<List<FeedbackFormDto>> ToDtosAsync(this IReadOnlyList<FeedbackForm> forms, CrmDbContext db, CancellationToken ct)
    {
        var staffIds = forms.Select(f => f.SubmittedById).Distinct().ToList();
        var unitIds = forms.Select(f => f.UnitId).Distinct().ToList();
        var customerIds = forms.Select(f => f.CustomerId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return forms.Select(f => new FeedbackFormDto(f.Id, f.CustomerId, customers.GetValueOrDefault(f.CustomerId, ""), BusinessFact.FormatMonth(f.Month),
            f.Grade, new UnitRef(f.UnitId, units.GetValueOrDefault(f.UnitId, "")), f.Situation, f.Needs, f.CompetitorInfo, f.Suggestions,
            new StaffRef(f.SubmittedById, staff.GetValueOrDefault(f.SubmittedById, "")), f.SubmittedAt)).ToList();
    }
}
