namespace Crm.Api.Domain.Calendar;

/// <summary>
/// One day of a State Council holiday notice (国务院办公厅关于部分节假日安排的通知): a holiday day
/// (<paramref name="IsOffDay"/> true, weekend days of the block included) or a make-up working weekend day (调休上班, false).
/// </summary>
public sealed record CalendarOverride(DateOnly Date, string Name, bool IsOffDay);

/// <summary>The notice of one year: its days, which may begin in the last days of the previous December.</summary>
public sealed record CalendarNotice(int Year, IReadOnlyList<CalendarOverride> Days);

/// <summary>An answer and whether it rests only on years whose notice is known (<see cref="Confirmed"/>).</summary>
public readonly record struct CalendarAnswer<T>(T Value, bool Confirmed);

public enum DayKind
{
    /// <summary>Monday to Friday, no holiday.</summary>
    Workday,

    /// <summary>Saturday or Sunday, no make-up work.</summary>
    Weekend,

    /// <summary>A statutory holiday day (放假), whatever the weekday.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked to make up for a holiday (调休上班).</summary>
    MakeUpWorkday,
}

public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? HolidayName, bool Confirmed);

/// <summary>
/// China's working days: the holiday notices of the known years, and the weekday rule (Mon–Fri) everywhere else.
/// Immutable; built once per change of the notices and then shared.
/// <para>
/// Everything is O(1) and allocation-free: the calendar keeps, for the span of the known years, the number of working
/// days before each day (<c>_before</c>) and the position of each working day (<c>_workdays</c>). Outside that span the
/// weekday rule has closed forms. <c>P(n)</c> below is the number of working days among day numbers [0, n).
/// </para>
/// Conventions:
/// <list type="bullet">
/// <item><see cref="AddWorkingDays"/>(d, n) for n &gt; 0 is the n-th working day after d (d itself never counts, so "within 5
/// working days after first contact" ends on AddWorkingDays(firstContact, 5)); for n &lt; 0 the |n|-th working day before d;
/// for n = 0 d itself, working day or not.</item>
/// <item><see cref="WorkingDaysBetween"/>(from, to) counts the working days in (from, to]: from excluded, to included;
/// negative when to is before from. So WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n ≥ 0.</item>
/// <item>An answer is <c>Confirmed</c> when every day it depends on lies in a year whose notice is known.</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar
{
    private readonly int _start;          // first day number of the table
    private readonly int _end;            // day number after the table
    private readonly int[] _before;       // _before[i]: working days in [_start, _start + i), i = 0 .. _end - _start
    private readonly int[] _workdays;     // offsets from _start of the working days in the table, in order
    private readonly int _pStart;         // P(_start)
    private readonly int _shiftAfter;     // P(n) - Wd(n) for every n ≥ _end
    private readonly int _firstYear;
    private readonly int[] _confirmedBefore; // confirmed years in [_firstYear, _firstYear + i)
    private readonly Dictionary<DateOnly, CalendarOverride> _overrides;

    public static WorkingCalendar WeekdaysOnly { get; } = Build([]);

    /// <summary>The years whose notices are known, ascending.</summary>
    public IReadOnlyList<int> ConfirmedYears { get; }

    private WorkingCalendar(IReadOnlyList<int> years, Dictionary<DateOnly, CalendarOverride> overrides)
    {
        ConfirmedYears = years;
        _overrides = overrides;
        if (years.Count == 0)
        {
            _start = _end = 0;
            _before = [0];
            _workdays = [];
            _firstYear = 0;
            _confirmedBefore = [0];
            _shiftAfter = 0;
            _pStart = 0;
            return;
        }

        var from = new DateOnly(years[0], 1, 1);
        var to = new DateOnly(years[^1], 12, 31);
        foreach (var date in overrides.Keys)
        {
            if (date < from)
                from = date;
            if (date > to)
                to = date;
        }
        _start = from.DayNumber;
        _end = to.DayNumber + 1;
        var length = _end - _start;
        _before = new int[length + 1];
        var workdays = new List<int>(length * 5 / 7 + 16);
        for (var i = 0; i < length; i++)
        {
            var date = DateOnly.FromDayNumber(_start + i);
            var working = overrides.TryGetValue(date, out var o) ? !o.IsOffDay : IsWeekday(_start + i);
            if (working)
                workdays.Add(i);
            _before[i + 1] = _before[i] + (working ? 1 : 0);
        }
        _workdays = workdays.ToArray();
        _pStart = Weekdays(_start);
        _shiftAfter = _pStart + _before[length] - Weekdays(_end);

        _firstYear = years[0];
        _confirmedBefore = new int[years[^1] - _firstYear + 2];
        var known = years.ToHashSet();
        for (var y = _firstYear; y <= years[^1]; y++)
            _confirmedBefore[y - _firstYear + 1] = _confirmedBefore[y - _firstYear] + (known.Contains(y) ? 1 : 0);
    }

    /// <summary>
    /// Builds the calendar from the notices. A date listed by two notices (a 元旦 block reaching back into December)
    /// takes the later notice's entry: it is the more recent decision.
    /// </summary>
    public static WorkingCalendar Build(IEnumerable<CalendarNotice> notices)
    {
        var ordered = notices.OrderBy(n => n.Year).ToList();
        if (ordered.Select(n => n.Year).Distinct().Count() != ordered.Count)
            throw new ArgumentException("Each year may have one notice only.", nameof(notices));
        var overrides = new Dictionary<DateOnly, CalendarOverride>();
        foreach (var notice in ordered)
            foreach (var day in notice.Days)
                overrides[day.Date] = day;
        return new WorkingCalendar(ordered.Select(n => n.Year).ToList(), overrides);
    }

    public bool IsConfirmedYear(int year) => AllConfirmed(year, year);

    public bool IsWorkingDay(DateOnly date)
    {
        var n = date.DayNumber;
        return Prefix(n + 1) - Prefix(n) == 1;
    }

    public DayInfo Describe(DateOnly date)
    {
        var working = IsWorkingDay(date);
        var confirmed = IsConfirmedYear(date.Year);
        if (_overrides.TryGetValue(date, out var o))
            return new DayInfo(date, working, o.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkday, o.Name, confirmed);
        return new DayInfo(date, working, working ? DayKind.Workday : DayKind.Weekend, null, confirmed);
    }

    /// <summary>The n-th working day after <paramref name="date"/> (n &gt; 0), the |n|-th before it (n &lt; 0), or the date itself (n = 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall outside <see cref="DateOnly"/>'s range.</exception>
    public CalendarAnswer<DateOnly> AddWorkingDays(DateOnly date, int n)
    {
        var d = date.DayNumber;
        if (n == 0)
            return new(date, true);
        // The result x is the working day with P(x + 1) == target, i.e. x + 1 is the first day number whose prefix reaches it.
        long target = n > 0 ? (long)Prefix(d + 1) + n : (long)Prefix(d) + n + 1;
        var x = FirstReaching(target) - 1;
        if (x < 0 || x > DateOnly.MaxValue.DayNumber)
            throw new ArgumentOutOfRangeException(nameof(n), "The result lies outside the supported dates.");
        var result = DateOnly.FromDayNumber(x);
        // Depends on the days in (date, result] going forward, [result, date) going back.
        var confirmed = n > 0 ? AllConfirmed(date.AddDays(1).Year, result.Year) : AllConfirmed(result.Year, date.AddDays(-1).Year);
        return new(result, confirmed);
    }

    /// <summary>The working days in (<paramref name="from"/>, <paramref name="to"/>]; negative (the days in (to, from]) when to is earlier.</summary>
    public CalendarAnswer<int> WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (from == to)
            return new(0, true);
        var count = Prefix(to.DayNumber + 1) - Prefix(from.DayNumber + 1);
        var (low, high) = from < to ? (from, to) : (to, from);
        return new(count, AllConfirmed(low.AddDays(1).Year, high.Year));
    }

    /// <summary>Working days from 1 January to 31 December of <paramref name="year"/>.</summary>
    public int WorkingDaysIn(int year) =>
        Prefix(new DateOnly(year, 12, 31).DayNumber + 1) - Prefix(new DateOnly(year, 1, 1).DayNumber);

    /// <summary>Whether every year from <paramref name="firstYear"/> to <paramref name="lastYear"/> has a known notice.</summary>
    public bool AllConfirmed(int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
            return true;
        var lo = firstYear - _firstYear;
        var hi = lastYear - _firstYear + 1;
        if (lo < 0 || hi >= _confirmedBefore.Length)
            return false;
        return _confirmedBefore[hi] - _confirmedBefore[lo] == lastYear - firstYear + 1;
    }

    /// <summary>P(n): working days among day numbers [0, n).</summary>
    private int Prefix(int n)
    {
        if (n <= _start)
            return Weekdays(n);
        if (n >= _end)
            return Weekdays(n) + _shiftAfter;
        return _pStart + _before[n - _start];
    }

    /// <summary>The smallest day number m with P(m) ≥ target.</summary>
    private int FirstReaching(long target)
    {
        if (target <= _pStart)
            return FirstWeekdayReaching(target);
        var inTable = target - _pStart;
        if (inTable <= _workdays.Length)
            return _start + _workdays[inTable - 1] + 1;
        return FirstWeekdayReaching(target - _shiftAfter);
    }

    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    /// <summary>Mon–Fri among day numbers [0, n); day number 0 (0001-01-01) was a Monday.</summary>
    private static int Weekdays(int n) => n <= 0 ? 0 : 5 * (n / 7) + Math.Min(n % 7, 5);

    /// <summary>The smallest m with Weekdays(m) ≥ target: one past the target-th weekday.</summary>
    private static int FirstWeekdayReaching(long target)
    {
        if (target <= 0)
            return 0;
        var weeks = (target - 1) / 5;
        var rest = (target - 1) % 5;
        var m = 7 * weeks + rest + 1;
        return m > int.MaxValue ? int.MaxValue : (int)m;
    }
}
