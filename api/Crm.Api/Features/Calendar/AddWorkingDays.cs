using System.Globalization;
using Crm.Api.Common.Calendar;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Calendar;

/// <param name="Date">yyyy-MM-dd; today's business date when absent.</param>
/// <param name="Days">Working days to add (negative: to go back).</param>
public sealed record AddWorkingDaysQuery(string? Date, string? Days) : IQuery<AddWorkingDaysAnswer>;

public sealed class AddWorkingDaysValidator : AbstractValidator<AddWorkingDaysQuery>
{
    public AddWorkingDaysValidator(IOptions<CalendarOptions> options)
    {
        var max = options.Value.MaxAddDays;
        RuleFor(q => q.Date).Must(d => CalendarDates.TryParse(d, out _)).When(q => q.Date is not null).WithMessage(CalendarDates.Message);
        RuleFor(q => q.Days).Must(d => int.TryParse(d, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && Math.Abs(n) <= max)
            .WithMessage($"工作日天数应为 -{max} 至 {max} 之间的整数。");
    }
}

public sealed class AddWorkingDaysHandler(ICalendarProvider calendars, BusinessClock clock) : IQueryHandler<AddWorkingDaysQuery, AddWorkingDaysAnswer>
{
    public async ValueTask<AddWorkingDaysAnswer> Handle(AddWorkingDaysQuery query, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var date = query.Date is null ? clock.Today : CalendarDates.Parse(query.Date);
        var days = int.Parse(query.Days!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var answer = calendar.AddWorkingDays(date, days);
        return new AddWorkingDaysAnswer(date, days, answer.Value, answer.Confirmed);
    }
}
