using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public enum MovementDimension
{
    Owner,
    Unit,
    Month,
}

/// <param name="From">First day counted (Asia/Shanghai business date); default the first day of this year.</param>
/// <param name="To">Last day counted; default today.</param>
public sealed record GetGradeMovementsQuery(DateOnly? From, DateOnly? To, MovementDimension By, GradeChangeSource? Source, long? UnitId, bool IncludeSubUnits)
    : IQuery<Result<GradeMovementsDto>>;

public sealed record MovementRow(string Key, string Label, int Upgrades, int Downgrades, int Initial, int Same);

public sealed record GradeMovementsDto(DateOnly From, DateOnly To, MovementDimension By, int Upgrades, int Downgrades, IReadOnlyList<MovementRow> Rows);

public sealed class GetGradeMovementsValidator : AbstractValidator<GetGradeMovementsQuery>
{
    public GetGradeMovementsValidator()
    {
        RuleFor(q => q.By).IsInEnum();
        RuleFor(q => q.Source).IsInEnum();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("结束日期不能早于开始日期。");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value.DayNumber - q.From.Value.DayNumber <= 3 * 366)
            .OverridePropertyName("to").WithMessage("统计区间最长三年。");
    }
}

/// <summary>
/// 升降级统计 (KPI input): grade changes in a period per owner (who was responsible at the time), unit or month, for the
/// customers the caller may see.
/// </summary>
public sealed class GetGradeMovementsHandler(CrmDbContext db, UserContext users, FactsCalendar calendar)
    : IQueryHandler<GetGradeMovementsQuery, Result<GradeMovementsDto>>
{
    public async ValueTask<Result<GradeMovementsDto>> Handle(GetGradeMovementsQuery query, CancellationToken ct)
    {
        var today = calendar.Today;
        var from = query.From ?? new DateOnly(today.Year, 1, 1);
        var to = query.To ?? today;
        var customers = await StatisticsScope.CustomersAsync(db, users.User, null, false, ct);
        var visibleIds = customers.Select(c => c.Id);
        var start = calendar.StartOf(from);
        var end = calendar.StartOf(to.AddDays(1));
        var changes = db.GradeChanges.AsNoTracking().Where(g => g.At >= start && g.At < end && visibleIds.Contains(g.CustomerId));
        if (query.Source is { } source)
            changes = changes.Where(g => g.Source == source);
        if (query.UnitId is { } unitId)
        {
            var units = await StatisticsScope.UnitsAsync(db, unitId, query.IncludeSubUnits, ct);
            changes = changes.Where(g => units.Contains(g.OwningUnitId));
        }
        var rows = await changes.Select(g => new { g.OwnerId, g.OwningUnitId, g.At, g.Direction }).ToListAsync(ct);
        var keyed = rows.Select(r => (Key: query.By switch
        {
            MovementDimension.Owner => r.OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MovementDimension.Unit => r.OwningUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => calendar.DateOf(r.At).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        }, r.Direction)).ToList();
        var ids = keyed.Select(k => long.TryParse(k.Key, out var id) ? id : 0).Distinct().ToList();
        var labels = query.By switch
        {
            MovementDimension.Owner => await db.Staff.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.DisplayName, ct),
            MovementDimension.Unit => await db.OrgUnits.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => u.Name, ct),
            _ => new Dictionary<string, string>(),
        };
        var result = keyed.GroupBy(k => k.Key)
            .Select(g => new MovementRow(g.Key, labels.GetValueOrDefault(g.Key, g.Key),
                g.Count(x => x.Direction == GradeDirection.Upgrade), g.Count(x => x.Direction == GradeDirection.Downgrade),
                g.Count(x => x.Direction == GradeDirection.Initial), g.Count(x => x.Direction == GradeDirection.Same)))
            .OrderBy(r => query.By == MovementDimension.Month ? r.Key : "", StringComparer.Ordinal)
            .ThenByDescending(r => r.Upgrades + r.Downgrades).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        return new GradeMovementsDto(from, to, query.By, result.Sum(r => r.Upgrades), result.Sum(r => r.Downgrades), result);
    }
}
