using Crm.Api.Domain.Calendar;

namespace Crm.Api.UnitTests.Calendar;

/// <summary>The obvious day-by-day reference the fast calendar is checked against.</summary>
internal sealed class NaiveCalendar
{
    private readonly Dictionary<DateOnly, bool> _offDays = [];
    private readonly HashSet<int> _years;

    public NaiveCalendar(IEnumerable<CalendarNotice> notices)
    {
        var ordered = notices.OrderBy(n => n.Year).ToList();
        _years = ordered.Select(n => n.Year).ToHashSet();
        foreach (var day in ordered.SelectMany(n => n.Days))
            _offDays[day.Date] = day.IsOffDay;
    }

    public bool IsWorkingDay(DateOnly date) =>
        _offDays.TryGetValue(date, out var off) ? !off : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public (DateOnly Result, bool Confirmed) Add(DateOnly date, int n)
    {
        var step = Math.Sign(n);
        var confirmed = true;
        for (var left = Math.Abs(n); left > 0;)
        {
            date = date.AddDays(step);
            confirmed &= _years.Contains(date.Year);
            if (IsWorkingDay(date))
                left--;
        }
        return (date, confirmed);
    }

    public (int Count, bool Confirmed) Between(DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        var confirmed = true;
        for (var d = low.AddDays(1); d <= high; d = d.AddDays(1))
        {
            confirmed &= _years.Contains(d.Year);
            if (IsWorkingDay(d))
                count++;
        }
        return (sign * count, confirmed);
    }
}
