using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

/// <param name="Top">Top customers per unit; Classification:BothEndsTop when left out.</param>
public sealed record GetBothEndsQuery(long? UnitId, bool IncludeSubUnits, int? Top) : IQuery<Result<BothEndsDto>>;

public sealed record BothEndsCustomer(long Id, string Code, string Name, string? Grade, decimal AnnualOrderAmount, int MaxDaysOverdue, bool BadCredit,
    IReadOnlyList<RiskFlags> RiskFlags);

/// <param name="RiskTotal">All risk customers of the unit; <see cref="Risks"/> lists at most <see cref="GetBothEndsHandler.MaxRisksPerUnit"/>, most overdue first.</param>
public sealed record BothEndsUnit(long UnitId, string UnitName, IReadOnlyList<BothEndsCustomer> Top, IReadOnlyList<BothEndsCustomer> Risks, int RiskTotal);

public sealed record BothEndsDto(DateOnly WindowFrom, DateOnly WindowTo, int RiskDaysOverdue, IReadOnlyList<BothEndsUnit> Units);

public sealed class GetBothEndsValidator : AbstractValidator<GetBothEndsQuery>
{
    public GetBothEndsValidator()
    {
        RuleFor(q => q.Top).InclusiveBetween(1, 100);
    }
}

/// <summary>
/// 抓两头: per owning unit, the biggest customers by order amount over the last twelve whole months, and the risky ones
/// (overdue at least Classification:RiskDaysOverdue days, bad credit in the window, or any risk flag on the archive).
/// </summary>
public sealed class GetBothEndsHandler(CrmDbContext db, UserContext users, FactsCalendar calendar, IOptions<ClassificationOptions> options)
    : IQueryHandler<GetBothEndsQuery, Result<BothEndsDto>>
{
    public const int MaxRisksPerUnit = 50;

    public async ValueTask<Result<BothEndsDto>> Handle(GetBothEndsQuery query, CancellationToken ct)
    {
        var top = query.Top ?? options.Value.BothEndsTop;
        var riskDays = options.Value.RiskDaysOverdue;
        var (windowFrom, windowTo) = GradingInput.WindowOf(calendar.Today);
        var customers = await StatisticsScope.CustomersAsync(db, users.User, query.UnitId, query.IncludeSubUnits, ct);

        var figures = await (from f in db.BusinessFacts
                             where f.Month >= windowFrom && f.Month < windowTo
                             join c in customers on f.CustomerId equals c.Id
                             group f by f.CustomerId into g
                             select new { CustomerId = g.Key, Amount = g.Sum(f => f.OrderAmount), Overdue = g.Max(f => f.DaysOverdue), Bad = g.Max(f => f.BadCredit ? 1 : 0) })
            .ToListAsync(ct);
        var byCustomer = figures.ToDictionary(f => f.CustomerId);

        var topIds = figures.Where(f => f.Amount > 0).Select(f => f.CustomerId).ToHashSet();
        var riskIds = figures.Where(f => f.Overdue >= riskDays || f.Bad == 1).Select(f => f.CustomerId).ToHashSet();
        riskIds.UnionWith(await customers.Where(c => c.RiskFlags != RiskFlags.None).Select(c => c.Id).ToListAsync(ct));
        var wanted = topIds.Union(riskIds).ToList();

        var details = new List<(long Unit, BothEndsCustomer Customer)>();
        foreach (var chunk in wanted.Chunk(1_000))
        {
            var rows = await customers.Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.Code, c.Name, c.Grade, c.RiskFlags, c.OwningUnitId }).ToListAsync(ct);
            details.AddRange(rows.Select(c =>
            {
                var f = byCustomer.GetValueOrDefault(c.Id);
                return (c.OwningUnitId, new BothEndsCustomer(c.Id, c.Code, c.Name, c.Grade, f?.Amount ?? 0, f?.Overdue ?? 0, f?.Bad == 1, c.RiskFlags.Split()));
            }));
        }
        var unitIds = details.Select(d => d.Unit).Distinct().ToList();
        var unitNames = await db.OrgUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var units = details.GroupBy(d => d.Unit).Select(g =>
        {
            var risks = g.Where(d => riskIds.Contains(d.Customer.Id)).Select(d => d.Customer)
                .OrderByDescending(c => c.MaxDaysOverdue).ThenByDescending(c => c.BadCredit).ThenByDescending(c => c.AnnualOrderAmount).ToList();
            return new BothEndsUnit(g.Key, unitNames.GetValueOrDefault(g.Key, ""),
                g.Where(d => topIds.Contains(d.Customer.Id)).Select(d => d.Customer).OrderByDescending(c => c.AnnualOrderAmount).ThenBy(c => c.Id).Take(top).ToList(),
                risks.Take(MaxRisksPerUnit).ToList(), risks.Count);
        }).OrderBy(u => u.UnitName, StringComparer.Ordinal).ToList();
        return new BothEndsDto(windowFrom, windowTo.AddDays(-1), riskDays, units);
    }
}
