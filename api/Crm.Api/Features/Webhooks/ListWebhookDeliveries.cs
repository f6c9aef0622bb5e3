using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

public sealed record ListWebhookDeliveriesQuery(long SubscriptionId, DeliveryStatus? Status, int Page, int PageSize)
    : IPageRequest, IQuery<Result<Paged<WebhookDeliveryDto>>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        Include(new PageRequestRules<ListWebhookDeliveriesQuery>(capped: true));
        RuleFor(q => q.Status).IsInEnum();
    }
}

/// <summary>The delivery log of one of the caller's subscriptions, newest first.</summary>
public sealed class ListWebhookDeliveriesHandler(CrmDbContext db, UserContext users)
    : IQueryHandler<ListWebhookDeliveriesQuery, Result<Paged<WebhookDeliveryDto>>>
{
    public async ValueTask<Result<Paged<WebhookDeliveryDto>>> Handle(ListWebhookDeliveriesQuery query, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        if (await WebhookAccess.FindOwnAsync(db, users.User, query.SubscriptionId, ct) is null)
            return Error.NotFound("事件订阅");
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId);
        if (query.Status is { } status)
            deliveries = deliveries.Where(d => d.Status == status);
        var counted = await deliveries.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await deliveries.OrderByDescending(d => d.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Join(db.OutboxEvents, d => d.OutboxEventId, e => e.Id, (d, e) => new { d, e }).ToListAsync(ct);
        return new Paged<WebhookDeliveryDto>(page.Select(x => x.d.ToDto(x.e)).ToList(), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }
}
