using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Export;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public enum DistributionDimension
{
    Unit,
    Region,
    Category,
    Owner,
}

public sealed record GetGradeDistributionQuery(DistributionDimension By, long? UnitId, bool IncludeSubUnits) : IQuery<Result<GradeDistributionDto>>;

/// <param name="Grades">Customers per grade code; "" counts customers without a grade.</param>
public sealed record DistributionRow(string Key, string Label, int Total, IReadOnlyDictionary<string, int> Grades);

public sealed record GradeDistributionDto(DistributionDimension By, int Total, IReadOnlyDictionary<string, int> Grades, IReadOnlyList<DistributionRow> Rows);

/// <summary>分级分布: live customers the caller may see, by grade, per unit, region, category or owner.</summary>
public sealed class GetGradeDistributionHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetGradeDistributionQuery, Result<GradeDistributionDto>>
{
    private sealed record Cell(string Key, string? Grade, int Count);

    public async ValueTask<Result<GradeDistributionDto>> Handle(GetGradeDistributionQuery query, CancellationToken ct)
    {
        if (!Enum.IsDefined(query.By))
            return Error.Field("by", "统计维度只能是 Unit、Region、Category 或 Owner。");
        var customers = await StatisticsScope.CustomersAsync(db, users.User, query.UnitId, query.IncludeSubUnits, ct);
        List<Cell> cells = query.By switch
        {
            DistributionDimension.Unit => (await customers.GroupBy(c => new { c.OwningUnitId, c.Grade }).Select(g => new { g.Key.OwningUnitId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new Cell(g.OwningUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Grade, g.Count)).ToList(),
            DistributionDimension.Owner => (await customers.GroupBy(c => new { c.OwnerId, c.Grade }).Select(g => new { g.Key.OwnerId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new Cell(g.OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Grade, g.Count)).ToList(),
            DistributionDimension.Region => (await customers.GroupBy(c => new { c.Region, c.Grade }).Select(g => new { g.Key.Region, g.Key.Grade, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new Cell(g.Region ?? "", g.Grade, g.Count)).ToList(),
            _ => (await customers.GroupBy(c => new { c.Category, c.Grade }).Select(g => new { g.Key.Category, g.Key.Grade, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new Cell(g.Category.ToString(), g.Grade, g.Count)).ToList(),
        };
        var labels = await LabelsAsync(query.By, cells.Select(c => c.Key).Distinct().ToList(), ct);
        var rows = cells.GroupBy(c => c.Key)
            .Select(g => new DistributionRow(g.Key, labels.GetValueOrDefault(g.Key, g.Key), g.Sum(c => c.Count),
                g.GroupBy(c => c.Grade ?? "").OrderBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Sum(c => c.Count))))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var totals = cells.GroupBy(c => c.Grade ?? "").OrderBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Sum(c => c.Count));
        return new GradeDistributionDto(query.By, cells.Sum(c => c.Count), totals, rows);
    }

    private async Task<Dictionary<string, string>> LabelsAsync(DistributionDimension by, List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => long.TryParse(k, out var id) ? id : 0).ToList();
        return by switch
        {
            DistributionDimension.Unit => await db.OrgUnits.Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => u.Name, ct),
            DistributionDimension.Owner => await db.Staff.Where(s => ids.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.DisplayName, ct),
            DistributionDimension.Region => keys.ToDictionary(k => k, k => k.Length == 0 ? "（未填写）" : k),
            _ => keys.ToDictionary(k => k, k => Enum.TryParse<CustomerCategory>(k, out var c) ? ExportLabels.Of(c) : k),
        };
    }
}
