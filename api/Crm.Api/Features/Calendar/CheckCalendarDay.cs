using Crm.Api.Common.Calendar;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Calendar;

/// <param name="Date">yyyy-MM-dd; today's business date when absent.</param>
public sealed record CheckCalendarDayQuery(string? Date) : IQuery<DayCheckAnswer>;

public sealed class CheckCalendarDayValidator : AbstractValidator<CheckCalendarDayQuery>
{
    public CheckCalendarDayValidator() =>
        RuleFor(q => q.Date).Must(d => CalendarDates.TryParse(d, out _)).When(q => q.Date is not null).WithMessage(CalendarDates.Message);
}

public sealed class CheckCalendarDayHandler(ICalendarProvider calendars, BusinessClock clock) : IQueryHandler<CheckCalendarDayQuery, DayCheckAnswer>
{
    public async ValueTask<DayCheckAnswer> Handle(CheckCalendarDayQuery query, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var day = calendar.Describe(query.Date is null ? clock.Today : CalendarDates.Parse(query.Date));
        return new DayCheckAnswer(day.Date, CalendarDates.DayOfWeekName(day.Date), day.IsWorkingDay, day.Kind, day.HolidayName, day.Confirmed);
    }
}
