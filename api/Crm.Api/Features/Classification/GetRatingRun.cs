using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record GetRatingRunQuery(long Id) : IQuery<Result<RatingRunDto>>;

/// <summary>A run with its progress (done / total, ETA while running) and counts. Polled by the progress bar.</summary>
public sealed class GetRatingRunHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<GetRatingRunQuery, Result<RatingRunDto>>
{
    public async ValueTask<Result<RatingRunDto>> Handle(GetRatingRunQuery query, CancellationToken ct)
    {
        if (RatingRunAccess.Check(users.User) is { } refused)
            return refused;
        var run = await db.RatingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, ct);
        if (run is null)
            return Error.NotFound("评级");
        return await RatingRunViews.LoadDtoAsync(db, run, clock.GetUtcNow(), ct);
    }
}

public sealed record ListRatingRunsQuery(string? Scheme, RatingRunStatus? Status, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<RatingRunDto>>>;

public sealed class ListRatingRunsValidator : AbstractValidator<ListRatingRunsQuery>
{
    public ListRatingRunsValidator()
    {
        Include(new PageRequestRules<ListRatingRunsQuery>(capped: true));
        RuleFor(q => q.Status).IsInEnum();
    }
}

/// <summary>Rating runs, newest first.</summary>
public sealed class ListRatingRunsHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<ListRatingRunsQuery, Result<Paged<RatingRunDto>>>
{
    public async ValueTask<Result<Paged<RatingRunDto>>> Handle(ListRatingRunsQuery query, CancellationToken ct)
    {
        if (RatingRunAccess.Check(users.User) is { } refused)
            return refused;
        var runs = db.RatingRuns.AsNoTracking();
        if (query.Scheme is { Length: > 0 } scheme)
            runs = runs.Where(r => r.SchemeCode == scheme);
        if (query.Status is { } status)
            runs = runs.Where(r => r.Status == status);
        var counted = await runs.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await runs.OrderByDescending(r => r.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new
            {
                Run = r,
                Scheme = db.GradingSchemeVersions.Where(v => v.Code == r.SchemeCode && v.Version == r.SchemeVersion).Select(v => v.Name).First(),
                By = db.Staff.Where(s => s.Id == r.CreatedById).Select(s => s.DisplayName).First(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Paged<RatingRunDto>(page.Select(p => RatingRunViews.ToDto(p.Run, p.Scheme, p.By, now)).ToList(),
            query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}

internal static class RatingRunAccess
{
    /// <summary>Runs are read by those who start them and those who review them.</summary>
    public static Error? Check(CurrentUser user) =>
        user.Has(Permissions.ClassificationRun) || user.Has(Permissions.ClassificationApprove)
            ? null
            : Error.Forbidden("需要发起或审核客户评级的权限（classification.run / classification.approve）。");
}
