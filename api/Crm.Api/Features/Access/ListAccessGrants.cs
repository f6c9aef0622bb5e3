using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

/// <param name="ActiveOnly">Only grants in force now.</param>
public sealed record ListAccessGrantsQuery(bool ActiveOnly, int Page, int PageSize) : IPageRequest, IQuery<Paged<AccessGrantDto>>;

public sealed class ListAccessGrantsValidator : AbstractValidator<ListAccessGrantsQuery>
{
    public ListAccessGrantsValidator()
    {
        Include(new PageRequestRules<ListAccessGrantsQuery>(capped: false));
    }
}

/// <summary>The caller's grants (as grantee or granter); company-wide approvers and administrators see all.</summary>
public sealed class ListAccessGrantsHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<ListAccessGrantsQuery, Paged<AccessGrantDto>>
{
    public async ValueTask<Paged<AccessGrantDto>> Handle(ListAccessGrantsQuery query, CancellationToken ct)
    {
        var user = users.User;
        var now = clock.GetUtcNow();
        var requests = db.AccessRequests.AsNoTracking().ReadableBy(user);
        var grants = db.AccessGrants.AsNoTracking()
            .Where(g => requests.Any(r => r.Id == g.RequestId) || g.GranteeId == user.StaffId || g.GrantedById == user.StaffId);
        if (query.ActiveOnly)
            grants = grants.Where(g => g.RevokedAt == null && g.StartsAt <= now && g.ExpiresAt > now);
        var total = await grants.CountAsync(ct);
        var items = await grants.OrderByDescending(g => g.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(g => g.RequestId)
            .ToListAsync(ct);
        var dtos = await db.AccessRequests.AsNoTracking().Where(r => items.Contains(r.Id)).ToDtos(db, now).ToListAsync(ct);
        return new Paged<AccessGrantDto>(dtos.Select(d => d.Grant!).OrderByDescending(g => g.Id).ToList(), query.Page, query.PageSize, total, false);
    }
}
