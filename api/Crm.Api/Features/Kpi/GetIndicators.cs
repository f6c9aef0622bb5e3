using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Kpi;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

/// <param name="From">First month (yyyy-MM); this month when left out.</param>
/// <param name="To">Last month (yyyy-MM); <paramref name="From"/> when left out. For the half-yearly figures ask for the half (2026-01 … 2026-06).</param>
/// <param name="UnitId">Only account managers of this unit and its sub-units.</param>
public sealed record GetIndicatorsQuery(string? From, string? To, long? UnitId) : IQuery<Result<IndicatorReport>>;

/// <param name="Spend">订单金额 of their customers' monthly facts in the period, CNY.</param>
/// <param name="PurchaseMonths">Customer-months with an order in the period (purchase frequency).</param>
/// <param name="Complaints">Complaints about their customers received in the period; <paramref name="Praises"/> the praises (客户表扬).</param>
/// <param name="CustomersAtStart">Their customers first contacted before the period (or without a date).</param>
/// <param name="KeyCustomerSpend">Spend of their A-grade customers in the period; <paramref name="KeyCustomerSpendBefore"/> the same length just before.</param>
/// <param name="KeyCustomerRevenueGrowth">(KeyCustomerSpend − before) / before; null without a base.</param>
/// <param name="DevelopmentRate">NewCustomers / CustomersAtStart.</param>
/// <param name="ChurnRate">LostCustomers / CustomersAtStart.</param>
public sealed record AccountManagerIndicators(StaffRef Staff, long UnitId, int Customers, int NewCustomers, int LostCustomers, decimal Spend,
    int PurchaseMonths, int Upgrades, int Downgrades, int Complaints, int Praises, int CustomersAtStart, decimal KeyCustomerSpend, decimal KeyCustomerSpendBefore,
    decimal? KeyCustomerRevenueGrowth, decimal? DevelopmentRate, decimal? ChurnRate);

public sealed record IndicatorReport(string From, string To, IReadOnlyList<AccountManagerIndicators> Rows);

/// <summary>
/// Indicators per account manager (the customers' current owner) over the customers the caller may see, so a salesperson gets
/// their own line and a manager their unit's. Counts are computed in the database; money is summed exactly in decimal.
/// </summary>
public sealed class GetIndicatorsHandler(CrmDbContext db, UserContext users, BusinessClock clock) : IQueryHandler<GetIndicatorsQuery, Result<IndicatorReport>>
{
    public async ValueTask<Result<IndicatorReport>> Handle(GetIndicatorsQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var from = new DateOnly(today.Year, today.Month, 1);
        if (query.From is not null && !BusinessFact.TryParseMonth(query.From, out from))
            return Error.Field("from", "月份格式为 yyyy-MM。");
        var to = from;
        if (query.To is not null && !BusinessFact.TryParseMonth(query.To, out to))
            return Error.Field("to", "月份格式为 yyyy-MM。");
        if (to < from || (to.Year - from.Year) * 12 + to.Month - from.Month >= 36)
            return Error.Field("to", "结束月份须不早于开始月份，且期间不超过 36 个月。");
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var before = from.AddMonths(-months);
        var lastDay = to.AddMonths(1).AddDays(-1);
        var fromInstant = Instant(from);
        var toInstant = Instant(lastDay.AddDays(1));

        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db);
        if (query.UnitId is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            var people = db.Staff.Where(s => db.OrgUnits.Any(u => u.Id == s.UnitId && u.Path.StartsWith(path))).Select(s => s.Id);
            visible = visible.Where(c => people.Contains(c.OwnerId));
        }
        var ids = visible.Select(c => c.Id);

        var customers = await visible.GroupBy(c => c.OwnerId).Select(g => new
        {
            OwnerId = g.Key,
            Count = g.Count(),
            New = g.Count(c => c.FirstContactOn >= from && c.FirstContactOn <= lastDay),
            AtStart = g.Count(c => c.FirstContactOn == null || c.FirstContactOn < from),
        }).ToListAsync(ct);
        var owners = customers.Select(c => c.OwnerId).ToList();

        var lost = await db.CustomerHistory.AsNoTracking()
            .Where(h => ids.Contains(h.CustomerId) && h.Field == "status" && h.NewValue == nameof(CustomerStatus.Lost) && h.At >= fromInstant && h.At < toInstant)
            .Select(h => h.CustomerId).Distinct()
            .Join(db.Customers, id => id, c => c.Id, (id, c) => c.OwnerId).GroupBy(o => o).Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var facts = await db.BusinessFacts.AsNoTracking().Where(f => ids.Contains(f.CustomerId) && f.Month >= before && f.Month <= to)
            .Join(db.Customers, f => f.CustomerId, c => c.Id, (f, c) => new { c.OwnerId, c.Grade, f.Month, f.OrderAmount })
            .ToListAsync(ct);
        var grades = await db.GradeChanges.AsNoTracking().Where(g => ids.Contains(g.CustomerId) && g.At >= fromInstant && g.At < toInstant)
            .GroupBy(g => new { g.OwnerId, g.Direction }).Select(g => new { g.Key.OwnerId, g.Key.Direction, Count = g.Count() }).ToListAsync(ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.CustomerId) && c.ReceivedOn >= from && c.ReceivedOn <= lastDay)
            .Join(db.Customers, x => x.CustomerId, c => c.Id, (x, c) => c.OwnerId).GroupBy(o => o).Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var praises = await db.Praises.AsNoTracking().Where(p => ids.Contains(p.CustomerId) && p.ReceivedOn >= from && p.ReceivedOn <= lastDay)
            .Join(db.Customers, x => x.CustomerId, c => c.Id, (x, c) => c.OwnerId).GroupBy(o => o).Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => owners.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new { s.DisplayName, s.UnitId }, ct);

        var rows = customers.OrderBy(c => c.OwnerId).Select(c =>
        {
            var mine = facts.Where(f => f.OwnerId == c.OwnerId).ToList();
            var inPeriod = mine.Where(f => f.Month >= from).ToList();
            var key = inPeriod.Where(f => f.Grade == "A").Sum(f => f.OrderAmount);
            var keyBefore = mine.Where(f => f.Month < from && f.Grade == "A").Sum(f => f.OrderAmount);
            var lostCount = lost.SingleOrDefault(l => l.OwnerId == c.OwnerId)?.Count ?? 0;
            var person = staff.GetValueOrDefault(c.OwnerId);
            return new AccountManagerIndicators(new StaffRef(c.OwnerId, person?.DisplayName ?? ""), person?.UnitId ?? 0, c.Count, c.New, lostCount,
                inPeriod.Sum(f => f.OrderAmount), inPeriod.Count(f => f.OrderAmount > 0),
                grades.Where(g => g.OwnerId == c.OwnerId && g.Direction == GradeDirection.Upgrade).Sum(g => g.Count),
                grades.Where(g => g.OwnerId == c.OwnerId && g.Direction == GradeDirection.Downgrade).Sum(g => g.Count),
                complaints.SingleOrDefault(x => x.OwnerId == c.OwnerId)?.Count ?? 0, praises.SingleOrDefault(x => x.OwnerId == c.OwnerId)?.Count ?? 0, c.AtStart, key, keyBefore, IndicatorRates.Growth(key, keyBefore),
                IndicatorRates.Rate(c.New, c.AtStart), IndicatorRates.Rate(lostCount, c.AtStart));
        }).ToList();
        return new IndicatorReport(BusinessFact.FormatMonth(from), BusinessFact.FormatMonth(to), rows);
    }

    private DateTimeOffset Instant(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), clock.Zone), TimeSpan.Zero);
}
