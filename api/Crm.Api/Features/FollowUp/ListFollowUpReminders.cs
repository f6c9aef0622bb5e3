using System.Linq.Expressions;
using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Classification;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.FollowUp;

public enum ReminderKind
{
    /// <summary>No follow-up activity for the grade's number of days.</summary>
    NoFollowUp,

    /// <summary>No follow-up activity ever.</summary>
    NeverFollowedUp,

    /// <summary>No month with orders for the grade's number of days (from the monthly facts).</summary>
    NoPurchase,

    /// <summary>No month with orders ever reported.</summary>
    NeverPurchased,
}

public sealed record ListFollowUpRemindersQuery(ReminderKind Kind, long? UnitId, bool IncludeSubUnits, long? OwnerId, int Page, int PageSize)
    : IPageRequest, IQuery<Result<Paged<FollowUpReminder>>>;

/// <param name="Last">The last follow-up date, or the first day of the last month with orders; null: never.</param>
/// <param name="DaysSince">Days from <paramref name="Last"/> (for a month: from its last day) to today.</param>
/// <param name="ThresholdDays">The grade's setting the customer exceeds; null for the "never" reminders.</param>
public sealed record FollowUpReminder(long CustomerId, string CustomerCode, string CustomerName, string? Grade, StaffRef Owner, ReminderKind Kind,
    DateOnly? Last, int? DaysSince, int? ThresholdDays);

public sealed class ListFollowUpRemindersValidator : AbstractValidator<ListFollowUpRemindersQuery>
{
    public ListFollowUpRemindersValidator()
    {
        Include(new PageRequestRules<ListFollowUpRemindersQuery>(capped: true));
        RuleFor(q => q.Kind).IsInEnum();
    }
}

/// <summary>
/// 自动提醒: live customers the caller may see that nobody has followed up for too long (or ever), or that have bought
/// nothing for too long (or ever). Days per grade are settings; customers of grades without a setting are not listed
/// by the "for N days" reminders. Most overdue first.
/// </summary>
public sealed class ListFollowUpRemindersHandler(CrmDbContext db, UserContext users, BusinessClock clock, IOptions<FollowUpOptions> options)
    : IQueryHandler<ListFollowUpRemindersQuery, Result<Paged<FollowUpReminder>>>
{
    // A class with an object initializer (not a positional record): EF can filter and sort on its members after the projection.
    private sealed class Row
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Grade { get; init; }
        public long OwnerId { get; init; }
        public DateOnly? Last { get; init; }
    }

    public async ValueTask<Result<Paged<FollowUpReminder>>> Handle(ListFollowUpRemindersQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var customers = await StatisticsScope.CustomersAsync(db, users.User, query.UnitId, query.IncludeSubUnits, ct);
        if (query.OwnerId is { } ownerId)
            customers = customers.Where(c => c.OwnerId == ownerId);
        var purchase = query.Kind is ReminderKind.NoPurchase or ReminderKind.NeverPurchased;
        var days = purchase ? options.Value.NoPurchaseDays : options.Value.NoFollowUpDays;

        var rows = purchase
            ? customers.Select(c => new Row
            {
                Id = c.Id, Code = c.Code, Name = c.Name, Grade = c.Grade, OwnerId = c.OwnerId,
                Last = db.BusinessFacts.Where(f => f.CustomerId == c.Id && f.OrderAmount > 0).Max(f => (DateOnly?)f.Month),
            })
            : customers.Select(c => new Row
            {
                Id = c.Id, Code = c.Code, Name = c.Name, Grade = c.Grade, OwnerId = c.OwnerId,
                Last = db.Activities.Where(a => a.CustomerId == c.Id).Max(a => (DateOnly?)a.OccurredOn),
            });

        if (query.Kind is ReminderKind.NeverFollowedUp or ReminderKind.NeverPurchased)
            rows = rows.Where(r => r.Last == null);
        else
            rows = rows.Where(OverdueFilter(days, today, purchase));

        var counted = await rows.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await rows.OrderBy(r => r.Last).ThenBy(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new { Row = r, OwnerName = db.Staff.Where(s => s.Id == r.OwnerId).Select(s => s.DisplayName).First() })
            .ToListAsync(ct);
        var items = page.Select(p =>
        {
            var last = p.Row.Last;
            var reference = last is { } d && purchase ? d.AddMonths(1).AddDays(-1) : last;
            int? threshold = p.Row.Grade is { } g && days.TryGetValue(g, out var n) && last is not null ? n : null;
            return new FollowUpReminder(p.Row.Id, p.Row.Code, p.Row.Name, p.Row.Grade, new StaffRef(p.Row.OwnerId, p.OwnerName), query.Kind, last,
                reference is { } r ? today.DayNumber - r.DayNumber : null, threshold);
        }).ToList();
        return new Paged<FollowUpReminder>(items, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }

    /// <summary>(grade = A and last before A's cut-off) or (grade = B and …): one cut-off per configured grade.</summary>
    private static Expression<Func<Row, bool>> OverdueFilter(IReadOnlyDictionary<string, int> days, DateOnly today, bool purchase)
    {
        var row = Expression.Parameter(typeof(Row), "r");
        Expression body = Expression.Constant(false);
        foreach (var (grade, n) in days)
        {
            // A month with orders counts until its last day: the month is overdue once its end lies more than n days back.
            var cutoff = purchase ? today.AddDays(-n + 1).AddMonths(-1) : today.AddDays(-n);
            var gradeIs = Expression.Equal(Expression.Property(row, nameof(Row.Grade)), Expression.Constant(grade.ToUpperInvariant(), typeof(string)));
            var lastBefore = Expression.LessThan(Expression.Property(row, nameof(Row.Last)), Expression.Constant((DateOnly?)cutoff, typeof(DateOnly?)));
            body = Expression.OrElse(body, Expression.AndAlso(gradeIs, lastBefore));
        }
        return Expression.Lambda<Func<Row, bool>>(body, row);
    }
}
