using Crm.Api.Domain.Integration;

namespace Crm.Api.Features.Webhooks;

/// <param name="EventTypes">e.g. customer.created, customer.updated, customer.graded, access.granted, filing.overdue.</param>
public sealed record WebhookSubscriptionDto(long Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool IsActive,
    DateTimeOffset CreatedAt);

/// <param name="Secret">The HMAC-SHA256 key of the Crm-Signature header, shown this once.</param>
public sealed record WebhookSubscriptionWithSecret(WebhookSubscriptionDto Subscription, string Secret);

/// <summary>One event for one subscription and how its attempts went.</summary>
public sealed record WebhookDeliveryDto(
    long Id,
    long SubscriptionId,
    Guid EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt);

public sealed record WebhookEventTypeDto(string Type, string Description);

internal static class WebhookMapping
{
    public static WebhookSubscriptionDto ToDto(this WebhookSubscription s) => new(s.Id, s.Url, s.Types, s.Description, s.IsActive, s.CreatedAt);

    public static WebhookDeliveryDto ToDto(this WebhookDelivery d, OutboxEvent e) => new(d.Id, d.SubscriptionId, e.EventId, e.Type, e.OccurredAt, d.Status,
        d.Attempts, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.DeliveredAt);
}
