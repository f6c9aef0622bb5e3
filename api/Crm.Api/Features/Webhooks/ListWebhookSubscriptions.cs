using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

public sealed record ListWebhookSubscriptionsQuery : IQuery<Result<IReadOnlyList<WebhookSubscriptionDto>>>;

/// <summary>The caller's own subscriptions, newest first, without their secrets.</summary>
public sealed class ListWebhookSubscriptionsHandler(CrmDbContext db, UserContext users)
    : IQueryHandler<ListWebhookSubscriptionsQuery, Result<IReadOnlyList<WebhookSubscriptionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<WebhookSubscriptionDto>>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var own = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.OwnerId == users.User.StaffId).OrderByDescending(s => s.Id).ToListAsync(ct);
        return own.Select(s => s.ToDto()).ToList();
    }
}
