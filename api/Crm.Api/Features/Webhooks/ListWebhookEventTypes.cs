using Crm.Api.Domain.Integration;
using Mediator;

namespace Crm.Api.Features.Webhooks;

public sealed record ListWebhookEventTypesQuery : IQuery<IReadOnlyList<WebhookEventTypeDto>>;

public sealed class ListWebhookEventTypesHandler : IQueryHandler<ListWebhookEventTypesQuery, IReadOnlyList<WebhookEventTypeDto>>
{
    public ValueTask<IReadOnlyList<WebhookEventTypeDto>> Handle(ListWebhookEventTypesQuery query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<WebhookEventTypeDto>>(WebhookEventTypes.Catalogue.Select(t => new WebhookEventTypeDto(t.Key, t.Value)).ToList());
}
