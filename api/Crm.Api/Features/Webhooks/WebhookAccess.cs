using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

/// <summary>Subscriptions belong to whoever created them: nobody else sees, changes or redelivers them (404).</summary>
internal static class WebhookAccess
{
    public static Error? Check(CurrentUser user) =>
        user.Has(Permissions.IntegrationWebhooks) ? null : Error.Forbidden("需要事件订阅管理权限（integration.webhooks）。");

    public static Task<WebhookSubscription?> FindOwnAsync(CrmDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == user.StaffId, ct);
}
