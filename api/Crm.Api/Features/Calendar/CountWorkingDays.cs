using Crm.Api.Common.Calendar;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Calendar;

/// <param name="From">yyyy-MM-dd, excluded from the count.</param>
/// <param name="To">yyyy-MM-dd, included in the count.</param>
public sealed record CountWorkingDaysQuery(string? From, string? To) : IQuery<WorkingDaysAnswer>;

public sealed class CountWorkingDaysValidator : AbstractValidator<CountWorkingDaysQuery>
{
    public CountWorkingDaysValidator()
    {
        RuleFor(q => q.From).Must(f => CalendarDates.TryParse(f, out _)).WithMessage(CalendarDates.Message);
        RuleFor(q => q.To).Must(t => CalendarDates.TryParse(t, out _)).WithMessage(CalendarDates.Message);
    }
}

public sealed class CountWorkingDaysHandler(ICalendarProvider calendars) : IQueryHandler<CountWorkingDaysQuery, WorkingDaysAnswer>
{
    public async ValueTask<WorkingDaysAnswer> Handle(CountWorkingDaysQuery query, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var (from, to) = (CalendarDates.Parse(query.From), CalendarDates.Parse(query.To));
        var answer = calendar.WorkingDaysBetween(from, to);
        return new WorkingDaysAnswer(from, to, answer.Value, answer.Confirmed);
    }
}
