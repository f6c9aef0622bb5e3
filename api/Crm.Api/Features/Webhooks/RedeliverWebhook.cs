using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

public sealed record RedeliverWebhookCommand(long SubscriptionId, long DeliveryId) : ICommand<Result<WebhookDeliveryDto>>;

/// <summary>Queues a delivery of the caller's active subscription for another attempt now, with the same event id.</summary>
public sealed class RedeliverWebhookHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<RedeliverWebhookCommand, Result<WebhookDeliveryDto>>
{
    public async ValueTask<Result<WebhookDeliveryDto>> Handle(RedeliverWebhookCommand command, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var subscription = await WebhookAccess.FindOwnAsync(db, users.User, command.SubscriptionId, ct);
        var delivery = subscription is null ? null
            : await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, ct);
        if (delivery is null)
            return Error.NotFound("推送记录");
        if (!subscription!.IsActive)
            return Error.Conflict("subscriptionInactive", "该订阅已停用，不能重新推送。");
        if (delivery.Status == DeliveryStatus.Pending)
            return Error.Conflict("deliveryPending", "该推送正在等待发送，无需重新推送。");
        delivery.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var outboxEvent = await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Id == delivery.OutboxEventId, ct);
        return delivery.ToDto(outboxEvent);
    }
}
