using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record ListRatingProposalsQuery(
    long RunId,
    ProposalKind? Kind,
    ProposalDecision? Decision,
    GradeDirection? Direction,
    string? ToGrade,
    long? UnitId,
    int Page,
    int PageSize) : IPageRequest, IQuery<Result<Paged<RatingProposalDto>>>;

public sealed record RatingProposalDto(
    long Id,
    long CustomerId,
    string CustomerCode,
    string CustomerName,
    StaffRef Owner,
    long OwningUnitId,
    string? FromGrade,
    string ToGrade,
    GradeDirection Direction,
    ProposalKind Kind,
    ProposalDecision Decision,
    GradingResult Explanation,
    DateTimeOffset? DecidedAt,
    string? Note);

public sealed class ListRatingProposalsValidator : AbstractValidator<ListRatingProposalsQuery>
{
    public ListRatingProposalsValidator()
    {
        Include(new PageRequestRules<ListRatingProposalsQuery>(capped: true));
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Decision).IsInEnum();
        RuleFor(q => q.Direction).IsInEnum();
        RuleFor(q => q.ToGrade).MaximumLength(8);
    }
}

/// <summary>
/// A run's change list (from → to with the explanation): changes and, listed apart by <c>kind=Overridden</c>, the
/// customers whose grade a person set. Only lines about customers the reviewer may see.
/// </summary>
public sealed class ListRatingProposalsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListRatingProposalsQuery, Result<Paged<RatingProposalDto>>>
{
    public async ValueTask<Result<Paged<RatingProposalDto>>> Handle(ListRatingProposalsQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (RatingRunAccess.Check(user) is { } refused)
            return refused;
        if (!await db.RatingRuns.AnyAsync(r => r.Id == query.RunId, ct))
            return Error.NotFound("评级");
        var visible = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db);
        if (query.UnitId is { } unitId)
            visible = visible.Where(c => c.OwningUnitId == unitId);
        var proposals = db.RatingProposals.AsNoTracking().Where(p => p.RunId == query.RunId);
        if (query.Kind is { } kind)
            proposals = proposals.Where(p => p.Kind == kind);
        if (query.Decision is { } decision)
            proposals = proposals.Where(p => p.Decision == decision);
        if (query.Direction is { } direction)
            proposals = proposals.Where(p => p.Direction == direction);
        if (!string.IsNullOrWhiteSpace(query.ToGrade))
        {
            var grade = query.ToGrade.Trim().ToUpperInvariant();
            proposals = proposals.Where(p => p.ToGrade == grade);
        }
        var rows = from p in proposals
                   join c in visible on p.CustomerId equals c.Id
                   select new { p, c.Code, c.Name, c.OwnerId, c.OwningUnitId };
        var counted = await rows.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await rows.OrderBy(r => r.p.CustomerId).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new
            {
                r.p, r.Code, r.Name, r.OwnerId, r.OwningUnitId,
                OwnerName = db.Staff.Where(s => s.Id == r.OwnerId).Select(s => s.DisplayName).First(),
            })
            .ToListAsync(ct);
        var items = page.Select(r => new RatingProposalDto(r.p.Id, r.p.CustomerId, r.Code, r.Name, new StaffRef(r.OwnerId, r.OwnerName), r.OwningUnitId,
            r.p.FromGrade, r.p.ToGrade, r.p.Direction, r.p.Kind, r.p.Decision, GradingSchemeJson.DeserializeResult(r.p.Explanation), r.p.DecidedAt,
            r.p.Note)).ToList();
        return new Paged<RatingProposalDto>(items, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}
