using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Webhooks;

/// <param name="Url" example="https://erp.example.com/crm-events">Where events are POSTed; redirects are not followed.</param>
/// <param name="EventTypes">GET /api/v1/webhooks/event-types lists them.</param>
public sealed record CreateWebhookSubscriptionRequest(string Url, IReadOnlyList<string>? EventTypes, string? Description);

public sealed record CreateWebhookSubscriptionCommand(string Url, IReadOnlyList<string> EventTypes, string? Description)
    : ICommand<Result<WebhookSubscriptionWithSecret>>;

public sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookUrls.MaxLength);
        RuleFor(c => c.EventTypes).NotEmpty().WithMessage("至少订阅一种事件。");
        RuleForEach(c => c.EventTypes).Must(WebhookEventTypes.IsKnown).WithMessage("未知的事件类型：{PropertyValue}。");
        RuleFor(c => c.Description).MaximumLength(200);
    }
}

/// <summary>Subscribes the caller; events about customers reach it only while the caller may see them.</summary>
public sealed class CreateWebhookSubscriptionHandler(CrmDbContext db, UserContext users, TimeProvider clock, IOptions<WebhookOptions> options)
    : ICommandHandler<CreateWebhookSubscriptionCommand, Result<WebhookSubscriptionWithSecret>>
{
    public async ValueTask<Result<WebhookSubscriptionWithSecret>> Handle(CreateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        if (WebhookAccess.Check(users.User) is { } denied)
            return denied;
        var url = command.Url.Trim();
        if (await WebhookUrls.RefusalAsync(url, options.Value.AllowPrivateTargets, ct) is { } refusal)
            return Error.Field("url", refusal);
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(url, command.EventTypes, string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(),
            secret, users.User.StaffId, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookSubscriptionWithSecret(subscription.ToDto(), secret);
    }
}
