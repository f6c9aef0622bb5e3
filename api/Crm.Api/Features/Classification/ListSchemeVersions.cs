using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Facts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record ListSchemeVersionsQuery(string Code) : IQuery<Result<IReadOnlyList<SchemeVersionSummary>>>;

/// <summary>A scheme's versions, newest first, marking the one in force today.</summary>
public sealed class ListSchemeVersionsHandler(CrmDbContext db, SchemeCatalog schemes, FactsCalendar calendar)
    : IQueryHandler<ListSchemeVersionsQuery, Result<IReadOnlyList<SchemeVersionSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<SchemeVersionSummary>>> Handle(ListSchemeVersionsQuery query, CancellationToken ct)
    {
        var inForce = await schemes.FindEffectiveAsync(query.Code, calendar.Today, ct);
        var versions = await db.GradingSchemeVersions.AsNoTracking().Where(v => v.Code == query.Code)
            .OrderByDescending(v => v.Version)
            .Select(v => new SchemeVersionSummary(v.Version, v.Name, v.EffectiveFrom, v.Comment, v.CreatedAt,
                v.CreatedById == null ? null : new StaffRef(v.CreatedById.Value, db.Staff.Where(s => s.Id == v.CreatedById).Select(s => s.DisplayName).First()),
                false))
            .ToListAsync(ct);
        if (versions.Count == 0)
            return Error.NotFound("分级方案");
        return versions.Select(v => v with { InForce = v.Version == inForce?.Version }).ToList();
    }
}
