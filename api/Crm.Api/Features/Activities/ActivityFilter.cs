using System.Globalization;
using Crm.Api.Domain.Activities;
using FluentValidation;

namespace Crm.Api.Features.Activities;

/// <summary>The filters both activity lists share.</summary>
public interface IActivityFilter
{
    ActivityKind? Kind { get; }

    /// <summary>Earliest occurrence date, yyyy-MM-dd, inclusive.</summary>
    string? From { get; }

    /// <summary>Latest occurrence date, yyyy-MM-dd, inclusive.</summary>
    string? To { get; }
}

public sealed class ActivityFilterRules<T> : AbstractValidator<T> where T : IActivityFilter
{
    public const string DateMessage = "日期应为 yyyy-MM-dd 格式（如 2026-03-02）。";

    public ActivityFilterRules()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.From).Must(f => ActivityFilter.TryParse(f, out _)).When(q => q.From is not null).WithMessage(DateMessage);
        RuleFor(q => q.To).Must(t => ActivityFilter.TryParse(t, out _)).When(q => q.To is not null).WithMessage(DateMessage);
        RuleFor(q => q.To).Must((q, t) => ActivityFilter.Parse(t) >= ActivityFilter.Parse(q.From))
            .When(q => ActivityFilter.TryParse(q.From, out _) && ActivityFilter.TryParse(q.To, out _))
            .WithMessage("结束日期不能早于开始日期。");
    }
}

internal static class ActivityFilter
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Parse(string? text) => TryParse(text, out var date) ? date : null;

    public static IQueryable<Activity> Apply(this IQueryable<Activity> activities, IActivityFilter filter)
    {
        if (filter.Kind is { } kind)
            activities = activities.Where(a => a.Kind == kind);
        if (Parse(filter.From) is { } from)
            activities = activities.Where(a => a.OccurredOn >= from);
        if (Parse(filter.To) is { } to)
            activities = activities.Where(a => a.OccurredOn <= to);
        return activities;
    }

    /// <summary>Newest first; the same day by the order they were recorded, latest first.</summary>
    public static IQueryable<Activity> NewestFirst(this IQueryable<Activity> activities) =>
        activities.OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id);
}
