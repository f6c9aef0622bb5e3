using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public enum AccessRequestBox
{
    /// <summary>Requests the caller made.</summary>
    Mine,

    /// <summary>Requests waiting for (or decided by) the caller as approver.</summary>
    Inbox,

    /// <summary>Every request the caller may oversee.</summary>
    All,
}

public sealed record ListAccessRequestsQuery(AccessRequestBox Box, AccessRequestStatus? Status, int Page, int PageSize) : IPageRequest, IQuery<Paged<AccessRequestDto>>;

public sealed class ListAccessRequestsValidator : AbstractValidator<ListAccessRequestsQuery>
{
    public ListAccessRequestsValidator()
    {
        RuleFor(q => q.Box).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        Include(new PageRequestRules<ListAccessRequestsQuery>(capped: false));
    }
}

public sealed class ListAccessRequestsHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<ListAccessRequestsQuery, Paged<AccessRequestDto>>
{
    public async ValueTask<Paged<AccessRequestDto>> Handle(ListAccessRequestsQuery query, CancellationToken ct)
    {
        var user = users.User;
        var requests = db.AccessRequests.AsNoTracking().ReadableBy(user);
        requests = query.Box switch
        {
            AccessRequestBox.Mine => requests.Where(r => r.RequesterId == user.StaffId),
            AccessRequestBox.Inbox => requests.Where(r => r.ApproverId == user.StaffId || (AccessRequestReader.CanOverseeAll(user) && r.RequesterId != user.StaffId)),
            _ => requests,
        };
        if (query.Status is { } status)
            requests = requests.Where(r => r.Status == status);
        var total = await requests.CountAsync(ct);
        var items = await requests.OrderByDescending(r => r.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToDtos(db, clock.GetUtcNow()).ToListAsync(ct);
        return new Paged<AccessRequestDto>(items, query.Page, query.PageSize, total, false);
    }
}
