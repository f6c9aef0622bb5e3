using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Integration;
using Mediator;

namespace Crm.Api.Features.Webhooks;

public static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks");

        group.MapGet("/event-types", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListWebhookEventTypesQuery(), ct)))
            .WithName("ListWebhookEventTypes")
            .WithSummary("The events a subscription can ask for")
            .Produces<IReadOnlyList<WebhookEventTypeDto>>();

        var subscriptions = group.MapGroup("/subscriptions");

        subscriptions.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListWebhookSubscriptionsQuery(page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListWebhookSubscriptions")
            .WithSummary("One page of the caller's subscriptions, newest first (integration.webhooks), without their secrets")
            .Produces<Paged<WebhookSubscriptionDto>>()
            .ProducesProblems(400, 403);

        subscriptions.MapPost("", async (CreateWebhookSubscriptionRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CreateWebhookSubscriptionCommand(body.Url ?? "", body.EventTypes ?? [], body.Description), ct))
                .Match(s => TypedResults.Created($"/api/v1/webhooks/subscriptions/{s.Subscription.Id}/deliveries", s), http))
            .WithName("CreateWebhookSubscription")
            .WithSummary("Subscribe to events (integration.webhooks): answers the signing secret this once")
            .WithDescription("Each event is POSTed as JSON `{ id, type, occurredAt, data }` with the headers `Crm-Event-Id` (the same on every " +
                             "retry and redelivery: drop duplicates by it), `Crm-Event-Type`, `Crm-Delivery-Id` and `Crm-Signature: t=<unix seconds>," +
                             "v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>`. Any 2xx counts as delivered; anything else, a timeout or a " +
                             "redirect (never followed) is retried with exponential backoff (Webhooks:FirstRetryDelay doubling up to Webhooks:MaxRetryDelay) " +
                             "until Webhooks:MaxAttempts. Events are recorded in the transaction of their change (an event is sent if and only if its " +
                             "change committed) and reach the subscription only when its owner may see the customer. URLs on loopback, link-local or " +
                             "private networks are refused (400 on `url`) unless Webhooks:AllowPrivateTargets is on.")
            .Produces<WebhookSubscriptionWithSecret>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403);

        subscriptions.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetWebhookSubscriptionQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetWebhookSubscription")
            .WithSummary("One of the caller's subscriptions (integration.webhooks), without its secret; another's is 404")
            .Produces<WebhookSubscriptionDto>()
            .ProducesProblems(403, 404);

        subscriptions.MapPost("/{id:long}/deactivate", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DeactivateWebhookSubscriptionCommand(id), ct)).Match(TypedResults.Ok, http))
            .WithName("DeactivateWebhookSubscription")
            .WithSummary("Stop a subscription: nothing more is sent to it; its log stays")
            .Produces<WebhookSubscriptionDto>()
            .ProducesProblems(403, 404);

        subscriptions.MapGet("/{id:long}/deliveries", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, DeliveryStatus? status,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListWebhookDeliveriesQuery(id, status, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's delivery log, newest first: status, attempts, last HTTP status or error, next attempt")
            .WithDescription("Filter `status` (Pending, Delivered, Failed). Events and their log are kept Webhooks:RetentionDays days.")
            .Produces<Paged<WebhookDeliveryDto>>()
            .ProducesProblems(400, 403, 404);

        subscriptions.MapPost("/{id:long}/deliveries/{deliveryId:long}/redeliver", async (long id, long deliveryId, IMediator mediator, HttpContext http,
                    CancellationToken ct) =>
                (await mediator.Send(new RedeliverWebhookCommand(id, deliveryId), ct)).Match(d => TypedResults.Accepted((string?)null, d), http))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivered or failed event again now, with the same Crm-Event-Id")
            .Produces<WebhookDeliveryDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(403, 404, 409);
    }
}
