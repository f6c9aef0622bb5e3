using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Feedback;

public sealed record SubmitFeedbackFormRequest
{
    /// <summary>The month reported on (yyyy-MM); this month (business date) when left out; not later than this month.</summary>
    public string? Month { get; init; }

    /// <summary>The customer's situation (客户现状: business, purchases, cooperation).</summary>
    public string? Situation { get; init; }

    /// <summary>Needs and requests (需求与意见).</summary>
    public string? Needs { get; init; }

    /// <summary>What is known about competitors at the customer (竞争对手信息).</summary>
    public string? CompetitorInfo { get; init; }

    /// <summary>Suggestions (改进建议).</summary>
    public string? Suggestions { get; init; }
}

public sealed record SubmitFeedbackFormCommand : ICommand<Result<FeedbackFormDto>>
{
    public long CustomerId { get; init; }
    public string? Month { get; init; }
    public string? Situation { get; init; }
    public string? Needs { get; init; }
    public string? CompetitorInfo { get; init; }
    public string? Suggestions { get; init; }
}

public sealed class SubmitFeedbackFormValidator : AbstractValidator<SubmitFeedbackFormCommand>
{
    public SubmitFeedbackFormValidator(BusinessClock clock)
    {
        RuleFor(c => c.Month).Cascade(CascadeMode.Stop).Must(m => BusinessFact.TryParseMonth(m, out _)).When(c => c.Month is not null)
            .WithMessage(FactFieldsValidator.MonthMessage)
            .Must(m => BusinessFact.TryParseMonth(m, out var month) && month <= new DateOnly(clock.Today.Year, clock.Today.Month, 1))
            .When(c => c.Month is not null).WithMessage("不能为以后的月份提交反馈表。");
        RuleFor(c => c.Situation).NotEmpty().WithMessage("请填写客户现状。")
            .MaximumLength(FeedbackForm.TextMaxLength).WithMessage($"客户现状最多 {FeedbackForm.TextMaxLength} 个字符。");
        RuleFor(c => c.Needs).MaximumLength(FeedbackForm.TextMaxLength).WithMessage($"需求与意见最多 {FeedbackForm.TextMaxLength} 个字符。");
        RuleFor(c => c.CompetitorInfo).MaximumLength(FeedbackForm.TextMaxLength).WithMessage($"竞争对手信息最多 {FeedbackForm.TextMaxLength} 个字符。");
        RuleFor(c => c.Suggestions).MaximumLength(FeedbackForm.TextMaxLength).WithMessage($"改进建议最多 {FeedbackForm.TextMaxLength} 个字符。");
    }
}

/// <summary>Records a feedback form for a customer the caller may write; it counts for the customer's owning unit.</summary>
public sealed class SubmitFeedbackFormHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<SubmitFeedbackFormCommand, Result<FeedbackFormDto>>
{
    public async ValueTask<Result<FeedbackFormDto>> Handle(SubmitFeedbackFormCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ObligationAccess.CheckMaySubmit(user, customer) is { } refused)
            return refused;
        var today = clock.Today;
        var month = BusinessFact.TryParseMonth(command.Month, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        var form = new FeedbackForm(customer.Id, customer.OwningUnitId, customer.Grade, month,
            new FeedbackContent(command.Situation!.Trim(), Blank(command.Needs), Blank(command.CompetitorInfo), Blank(command.Suggestions)),
            clock.UtcNow, user.StaffId);
        db.FeedbackForms.Add(form);
        await db.SaveChangesAsync(ct);
        return (await new[] { form }.ToDtosAsync(db, ct))[0];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
