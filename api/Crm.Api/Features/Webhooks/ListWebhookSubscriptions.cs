using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

public sealed record ListWebhookSubscriptionsQuery(int Page = 1, int PageSize = PageLimits.DefaultPageSize)
    : IPageRequest, IQuery<Result<Paged<WebhookSubscriptionDto>>>;

public sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator()
    {
        Include(new PageRequestRules<ListWebhookSubscriptionsQuery>(capped: false));
    }
}

/// <summary>One page of the caller's own subscriptions, newest first, without their secrets.</summary>
public sealed class ListWebhookSubscriptionsHandler(CrmDbContext db, UserContext users)
    : IQueryHandler<ListWebhookSubscriptionsQuery, Result<Paged<WebhookSubscriptionDto>>>
{
    public async ValueTask<Result<Paged<WebhookSubscriptionDto>>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var own = db.WebhookSubscriptions.AsNoTracking().Where(s => s.OwnerId == users.User.StaffId);
        var total = await own.CountAsync(ct);
        var page = await own.OrderByDescending(s => s.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<WebhookSubscriptionDto>(page.Select(s => s.ToDto()).ToList(), query.Page, query.PageSize, total, false);
    }
}
