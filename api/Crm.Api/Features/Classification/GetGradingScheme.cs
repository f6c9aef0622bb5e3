using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>The version in force on <paramref name="AsOf"/> (today by default), or exactly <paramref name="Version"/>.</summary>
public sealed record GetGradingSchemeQuery(string Code, int? Version, DateOnly? AsOf) : IQuery<Result<SchemeVersionRead>>;

/// <summary>The version read, and the newest version number (the ETag a revision must send).</summary>
public sealed record SchemeVersionRead(SchemeVersionDto Scheme, int LatestVersion);

public sealed class GetGradingSchemeValidator : AbstractValidator<GetGradingSchemeQuery>
{
    public GetGradingSchemeValidator()
    {
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1);
    }
}

public sealed class GetGradingSchemeHandler(CrmDbContext db, SchemeCatalog schemes, FactsCalendar calendar)
    : IQueryHandler<GetGradingSchemeQuery, Result<SchemeVersionRead>>
{
    public async ValueTask<Result<SchemeVersionRead>> Handle(GetGradingSchemeQuery query, CancellationToken ct)
    {
        var version = query.Version is { } v
            ? await schemes.FindVersionAsync(query.Code, v, ct)
            : await schemes.FindEffectiveAsync(query.Code, query.AsOf ?? calendar.Today, ct);
        if (version is null)
            return await db.GradingSchemeVersions.AnyAsync(s => s.Code == query.Code, ct)
                ? Error.NotFound(query.Version is null ? "该日期生效的方案版本" : "方案版本")
                : Error.NotFound("分级方案");
        var latest = await db.GradingSchemeVersions.Where(s => s.Code == query.Code).MaxAsync(s => s.Version, ct);
        return new SchemeVersionRead(SchemeVersionDto.From(version, await StaffNames.RefAsync(db, version.CreatedById, ct)), latest);
    }
}

internal static class StaffNames
{
    public static async Task<StaffRef?> RefAsync(CrmDbContext db, long? staffId, CancellationToken ct) =>
        staffId is { } id ? new StaffRef(id, await db.Staff.Where(s => s.Id == id).Select(s => s.DisplayName).SingleAsync(ct)) : null;
}
