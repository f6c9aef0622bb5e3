using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Domain.Access;

namespace Crm.Api.Domain.Integration;

/// <summary>The events a subscription may ask for.</summary>
public static class WebhookEventTypes
{
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomerGraded = "customer.graded";
    public const string AccessGranted = "access.granted";
    public const string FilingOverdue = "filing.overdue";
    public const string ChangeReportOverdue = "changeReport.overdue";
    public const string KpiPeriodClosed = "kpi.period.closed";

    /// <summary>Type → meaning (zh-CN).</summary>
    public static IReadOnlyDictionary<string, string> Catalogue { get; } = new Dictionary<string, string>
    {
        [CustomerCreated] = "新建客户档案",
        [CustomerUpdated] = "客户档案变更（含移交、归档）",
        [CustomerGraded] = "客户等级变更（评级审批或人工调整）",
        [AccessGranted] = "客户档案查阅授权生效",
        [FilingOverdue] = "客户备案逾期（首次提醒时）",
        [ChangeReportOverdue] = "客户信息变更报告逾期（首次提醒时）",
        [KpiPeriodClosed] = "月度考核关账（台账从此不可更改；订阅者需有全公司范围的 kpi.manage）",
    };

    // Events that are about no customer announce company-wide facts: the subscriber needs the permission that reads them, over the whole company.
    private static readonly IReadOnlyDictionary<string, string> RequiredPermission = new Dictionary<string, string>
    {
        [KpiPeriodClosed] = Permissions.KpiManage,
    };

    /// <summary>The permission a subscriber needs with company scope, beyond integration.webhooks, to hear of this type; null when none.</summary>
    public static string? PermissionToReceive(string type) => RequiredPermission.GetValueOrDefault(type);

    public static IReadOnlyList<string> All { get; } = Catalogue.Keys.ToList();

    public static bool IsKnown(string type) => Catalogue.ContainsKey(type);
}

/// <summary>An event recorded in the same transaction as the change it announces (transactional outbox).</summary>
public sealed class OutboxEvent
{
    private OutboxEvent() { }

    public OutboxEvent(string type, long? customerId, string payload, DateTimeOffset at)
    {
        EventId = Guid.NewGuid();
        Type = type;
        CustomerId = customerId;
        Payload = payload;
        OccurredAt = at;
    }

    public long Id { get; private set; }

    /// <summary>Sent as Crm-Event-Id: receivers drop a second delivery of the same id (delivery is at least once).</summary>
    public Guid EventId { get; private set; }

    public string Type { get; private set; } = "";

    /// <summary>The customer the event is about: only subscribers who may see it receive the event.</summary>
    public long? CustomerId { get; private set; }

    /// <summary>The event's <c>data</c> as JSON.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the dispatcher turned the event into deliveries; null while waiting.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }
}

public sealed class WebhookSubscription
{
    private WebhookSubscription() { }

    public WebhookSubscription(string url, IReadOnlyCollection<string> eventTypes, string? description, string secret, long ownerId, DateTimeOffset at)
    {
        Url = url;
        EventTypes = string.Join(",", eventTypes.Distinct().Order(StringComparer.Ordinal));
        Description = description;
        Secret = secret;
        OwnerId = ownerId;
        CreatedAt = at;
        IsActive = true;
    }

    public long Id { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>Comma-separated event types.</summary>
    public string EventTypes { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>The HMAC key, shown to the subscriber once. Kept in clear: the server must sign with it.</summary>
    public string Secret { get; private set; } = "";

    /// <summary>Whose visibility limits the events delivered.</summary>
    public long OwnerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public bool IsActive { get; private set; }

    public IReadOnlyList<string> Types => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Deactivate() => IsActive = false;
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    Delivered,

    /// <summary>Gave up after the last attempt; can be redelivered by hand.</summary>
    Failed,
}

/// <summary>One event for one subscription, with its attempts (the delivery log).</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(long subscriptionId, long outboxEventId, DateTimeOffset at)
    {
        SubscriptionId = subscriptionId;
        OutboxEventId = outboxEventId;
        Status = DeliveryStatus.Pending;
        NextAttemptAt = at;
        CreatedAt = at;
    }

    public long Id { get; private set; }
    public long SubscriptionId { get; private set; }
    public long OutboxEventId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    public void Succeeded(int statusCode, DateTimeOffset at)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        LastAttemptAt = at;
        DeliveredAt = at;
        ReleaseLease();
    }

    /// <summary>Schedules the next attempt after the backoff, or gives up after <paramref name="maxAttempts"/>.</summary>
    public void Failed(int? statusCode, string error, DateTimeOffset at, int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        LastAttemptAt = at;
        if (Attempts >= maxAttempts)
            Status = DeliveryStatus.Failed;
        else
            NextAttemptAt = at + WebhookBackoff.After(Attempts, firstDelay, maxDelay);
        ReleaseLease();
    }

    /// <summary>Sends again now, however it ended: the attempts go on counting, the event keeps its id.</summary>
    public void Redeliver(DateTimeOffset at)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = at;
        ReleaseLease();
    }

    public const int ErrorMaxLength = 500;

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

/// <summary>How long to wait before attempt n + 1: doubling from the first delay, capped.</summary>
public static class WebhookBackoff
{
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
        return delay < cap ? delay : cap;
    }
}

/// <summary>
/// Crm-Signature: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the subscription's secret&gt;</c>
/// (the scheme Stripe and Twenty use): the timestamp lets receivers refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public static string Header(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t},v1={Compute(secret, t, body)}";
    }

    public static string Compute(string secret, long unixSeconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")));

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

/// <summary>Where deliveries may go: not to this machine, the link-local range (cloud metadata) or private networks.</summary>
public static class WebhookTargets
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }
}
