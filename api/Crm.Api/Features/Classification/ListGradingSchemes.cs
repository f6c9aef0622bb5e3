using Crm.Api.Data;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Facts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

public sealed record ListGradingSchemesQuery : IQuery<IReadOnlyList<SchemeListItem>>;

/// <summary>Every scheme with its version in force today and its newest version. Schemes are not customer data: every signed-in user may read them.</summary>
public sealed class ListGradingSchemesHandler(CrmDbContext db, FactsCalendar calendar, IOptions<ClassificationOptions> options)
    : IQueryHandler<ListGradingSchemesQuery, IReadOnlyList<SchemeListItem>>
{
    private sealed record Row(string Code, int Version, string Name, DateOnly EffectiveFrom, string? Comment, DateTimeOffset CreatedAt, long? CreatedById, string? By);

    public async ValueTask<IReadOnlyList<SchemeListItem>> Handle(ListGradingSchemesQuery query, CancellationToken ct)
    {
        var rows = await db.GradingSchemeVersions.AsNoTracking()
            .Select(v => new Row(v.Code, v.Version, v.Name, v.EffectiveFrom, v.Comment, v.CreatedAt, v.CreatedById,
                db.Staff.Where(s => s.Id == v.CreatedById).Select(s => s.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        var today = calendar.Today;
        return rows.GroupBy(v => v.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var inForce = g.Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();
            var latest = g.MaxBy(v => v.Version)!;
            SchemeVersionSummary Summary(Row v) => new(v.Version, v.Name, v.EffectiveFrom, v.Comment, v.CreatedAt,
                v.CreatedById is { } id ? new StaffRef(id, v.By ?? "") : null, inForce?.Version == v.Version);
            return new SchemeListItem(g.Key, (inForce ?? latest).Name, g.Count(), inForce is null ? null : Summary(inForce), Summary(latest),
                g.Key == options.Value.DefaultScheme);
        }).ToList();
    }
}
