using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;

namespace Crm.Api.Features.Webhooks;

public sealed record DeactivateWebhookSubscriptionCommand(long Id) : ICommand<Result<WebhookSubscriptionDto>>;

/// <summary>Stops new deliveries; the log stays readable, and pending ones are not sent.</summary>
public sealed class DeactivateWebhookSubscriptionHandler(CrmDbContext db, UserContext users)
    : ICommandHandler<DeactivateWebhookSubscriptionCommand, Result<WebhookSubscriptionDto>>
{
    public async ValueTask<Result<WebhookSubscriptionDto>> Handle(DeactivateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var subscription = await WebhookAccess.FindOwnAsync(db, users.User, command.Id, ct);
        if (subscription is null)
            return Error.NotFound("事件订阅");
        subscription.Deactivate();
        await db.SaveChangesAsync(ct);
        return subscription.ToDto();
    }
}
