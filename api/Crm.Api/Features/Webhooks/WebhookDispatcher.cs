using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crm.Api.Common.Jobs;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Webhooks;

/// <summary>
/// Moves committed outbox events to the subscribers allowed to see them, and delivers them with retries. Both steps
/// claim their rows with conditional updates, so several API instances on one database never fan out an event twice
/// or send one delivery at the same time; a delivery is marked delivered only after the receiver's 2xx.
/// </summary>
internal sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory httpClients, AccessCache access, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : LeasedJobRunner(clock, logger)
{
    private const int FanOutBatch = 500;
    private const int DeliveryBatch = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task BeforeRoundAsync(CancellationToken stop)
    {
        var now = Clock.GetUtcNow();
        if (now < _nextCleanup)
            return;
        _nextCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var before = now.AddDays(-options.Value.RetentionDays);
        // Deliveries go with their event (cascade); pending ones keep it alive.
        var removed = await db.OutboxEvents
            .Where(e => e.DispatchedAt != null && e.OccurredAt < before
                        && !db.WebhookDeliveries.Any(d => d.OutboxEventId == e.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteDeleteAsync(stop);
        if (removed > 0)
            logger.LogInformation("Webhooks: {Count} events older than {Days} days removed with their delivery log", removed, options.Value.RetentionDays);
    }

    protected override async Task<bool> TryRunOneAsync(CancellationToken stop)
    {
        var fannedOut = await FanOutAsync(stop);
        var delivered = await DeliverDueAsync(stop);
        return fannedOut == FanOutBatch || delivered == DeliveryBatch;
    }

    /// <summary>One delivery per event and matching active subscription whose owner may see the event's customer.</summary>
    private async Task<int> FanOutAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var events = await db.OutboxEvents.AsNoTracking().Where(e => e.DispatchedAt == null).OrderBy(e => e.Id).Take(FanOutBatch).ToListAsync(stop);
        if (events.Count == 0)
            return 0;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsActive).ToListAsync(stop);
        var now = Clock.GetUtcNow();
        var owners = new Dictionary<long, CurrentUser?>();
        var deliveries = new List<WebhookDelivery>();
        foreach (var outboxEvent in events)
        {
            foreach (var subscription in subscriptions.Where(s => s.Types.Contains(outboxEvent.Type)))
            {
                if (!owners.TryGetValue(subscription.OwnerId, out var owner))
                    owners[subscription.OwnerId] = owner = await access.GetAsync(db, subscription.OwnerId, now, stop);
                if (owner is not { IsActive: true } || !owner.Has(Permissions.IntegrationWebhooks))
                    continue;
                if (WebhookEventTypes.PermissionToReceive(outboxEvent.Type) is { } required && owner.ScopeFor(required).Kind != ScopeKind.All)
                    continue;
                if (outboxEvent.CustomerId is { } customerId && !await db.Customers.VisibleTo(owner, db).AnyAsync(c => c.Id == customerId, stop))
                    continue;
                deliveries.Add(new WebhookDelivery(subscription.Id, outboxEvent.Id, now));
            }
        }

        // The whole batch is claimed at once (a bulk approval can raise a million events); if another instance took any of it, this
        // instance leaves the batch to it.
        var ids = events.Select(e => e.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(stop);
        var claimed = await db.OutboxEvents.Where(e => ids.Contains(e.Id) && e.DispatchedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), stop);
        if (claimed != ids.Count)
        {
            await transaction.RollbackAsync(stop);
            return 0;
        }
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(stop);
        await transaction.CommitAsync(stop);
        return events.Count;
    }

    private async Task<int> DeliverDueAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = Clock.GetUtcNow();
        var due = await Due(db, now).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(DeliveryBatch).ToListAsync(stop);
        var claimed = new List<long>();
        var leaseUntil = now + options.Value.Timeout * 3;
        foreach (var id in due)
        {
            if (await Due(db, now).Where(d => d.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, Instance).SetProperty(d => d.LeaseUntil, leaseUntil), stop) == 1)
                claimed.Add(id);
        }
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stop },
            async (id, ct) => await AttemptAsync(id, ct));
        return due.Count;
    }

    private static IQueryable<WebhookDelivery> Due(CrmDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now));

    private async Task AttemptAsync(long deliveryId, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, stop);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, stop);
        var outboxEvent = await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Id == delivery.OutboxEventId, stop);

        if (!subscription.IsActive)
        {
            delivery.Failed(null, "订阅已停用（subscription deactivated）", Clock.GetUtcNow(), maxAttempts: 0, TimeSpan.Zero, TimeSpan.Zero);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        var body = Body(outboxEvent);
        var sentAt = Clock.GetUtcNow();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookHeaders.EventId, outboxEvent.EventId.ToString());
            request.Headers.Add(WebhookHeaders.EventType, outboxEvent.Type);
            request.Headers.Add(WebhookHeaders.DeliveryId, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Header(subscription.Secret, sentAt, body));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Crm-Webhooks", "1"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await httpClients.CreateClient(WebhookSetup.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                error = (int)response.StatusCode is >= 300 and < 400 ? "重定向不被跟随（redirects are not followed）" : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // Whatever went wrong counts as a failed attempt, so a delivery that always throws ends as Failed instead of looping.
            error = e switch
            {
                OperationCanceledException => "超时（timeout）",
                HttpRequestException => e.Message,
                _ => $"{e.GetType().Name}: {e.Message}",
            };
        }

        var finishedAt = Clock.GetUtcNow();
        if (error is null)
            delivery.Succeeded(status!.Value, finishedAt);
        else
            delivery.Failed(status, error, finishedAt, options.Value.MaxAttempts, options.Value.FirstRetryDelay, options.Value.MaxRetryDelay);
        await db.SaveChangesAsync(CancellationToken.None);
        if (error is not null)
            logger.Log(delivery.Status == DeliveryStatus.Failed ? LogLevel.Warning : LogLevel.Information,
                "Webhook delivery {Delivery} of {Event} to subscription {Subscription} failed (attempt {Attempt}, {Status}): {Error}",
                delivery.Id, outboxEvent.EventId, subscription.Id, delivery.Attempts, delivery.Status, error);
    }

    /// <summary>The JSON the receiver gets and the signature covers.</summary>
    public static string Body(OutboxEvent outboxEvent) => JsonSerializer.Serialize(new
    {
        id = outboxEvent.EventId,
        type = outboxEvent.Type,
        occurredAt = outboxEvent.OccurredAt,
        data = JsonDocument.Parse(outboxEvent.Payload).RootElement,
    }, Json);
}

public static class WebhookHeaders
{
    public const string EventId = "Crm-Event-Id";
    public const string EventType = "Crm-Event-Type";
    public const string DeliveryId = "Crm-Delivery-Id";
    public const string Signature = "Crm-Signature";
}
