using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;

namespace Crm.Api.Features.Webhooks;

public sealed record GetWebhookSubscriptionQuery(long Id) : IQuery<Result<WebhookSubscriptionDto>>;

/// <summary>One of the caller's subscriptions, without its secret; anyone else's is 404.</summary>
public sealed class GetWebhookSubscriptionHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetWebhookSubscriptionQuery, Result<WebhookSubscriptionDto>>
{
    public async ValueTask<Result<WebhookSubscriptionDto>> Handle(GetWebhookSubscriptionQuery query, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var subscription = await WebhookAccess.FindOwnAsync(db, users.User, query.Id, ct);
        return subscription is null ? Error.NotFound("事件订阅") : subscription.ToDto();
    }
}
