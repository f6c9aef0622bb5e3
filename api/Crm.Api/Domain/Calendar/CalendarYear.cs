namespace Crm.Api.Domain.Calendar;

/// <summary>
/// A year's holiday notice as stored: shipped with the product (<see cref="SeedHash"/> set) or entered or corrected by an
/// administrator (<see cref="SeedHash"/> null, and then never touched by the shipped data again).
/// </summary>
public sealed class CalendarYear
{
    public const int SourceMaxLength = 500;
    public const int SeedHashLength = 64;

    private readonly List<CalendarYearDay> _days = [];

    private CalendarYear() { }

    private CalendarYear(int year) => Year = year;

    public int Year { get; private set; }

    /// <summary>Where the dates come from (the notice's address on www.gov.cn).</summary>
    public string? Source { get; private set; }

    /// <summary>SHA-256 of the shipped data this year was last written from; null once an administrator has written it.</summary>
    public string? SeedHash { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who last wrote it; null when it came with the product.</summary>
    public long? UpdatedById { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CalendarYearDay> Days => _days;

    public bool IsFromSeed => SeedHash is not null;

    public CalendarNotice ToNotice() =>
        new(Year, _days.OrderBy(d => d.Date).Select(d => new CalendarOverride(d.Date, d.Name, d.IsOffDay)).ToList());

    public static CalendarYear FromSeed(int year, string? source, IReadOnlyList<CalendarOverride> days, string seedHash, DateTimeOffset now)
    {
        var y = new CalendarYear(year);
        y.ReplaceFromSeed(source, days, seedHash, now);
        return y;
    }

    public static CalendarYear Enter(int year, string? source, IReadOnlyList<CalendarOverride> days, DateTimeOffset now, long byStaffId)
    {
        var y = new CalendarYear(year);
        y.Replace(source, days, now, byStaffId);
        return y;
    }

    /// <summary>An administrator's version of the year; from now on the shipped data leave it alone.</summary>
    public void Replace(string? source, IReadOnlyList<CalendarOverride> days, DateTimeOffset now, long byStaffId)
    {
        SetDays(source, days, now);
        SeedHash = null;
        UpdatedById = byStaffId;
    }

    /// <summary>The shipped data changed (a corrected file in a new release) and nobody has edited this year.</summary>
    public void ReplaceFromSeed(string? source, IReadOnlyList<CalendarOverride> days, string seedHash, DateTimeOffset now)
    {
        if (SeedHash is null && Version > 0)
            throw new InvalidOperationException("An administrator's year is never overwritten by the shipped data.");
        SetDays(source, days, now);
        SeedHash = seedHash;
        UpdatedById = null;
    }

    private void SetDays(string? source, IReadOnlyList<CalendarOverride> days, DateTimeOffset now)
    {
        if (days.Select(d => d.Date).Distinct().Count() != days.Count)
            throw new ArgumentException("A date may be listed once per year.", nameof(days));
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        // Matched by date, so a stored day keeps its row: a correction is an update, not a delete and re-insert of the same key.
        var wanted = days.ToDictionary(d => d.Date);
        _days.RemoveAll(d => !wanted.ContainsKey(d.Date));
        foreach (var day in _days)
            day.Set(wanted[day.Date].Name, wanted[day.Date].IsOffDay);
        var kept = _days.Select(d => d.Date).ToHashSet();
        _days.AddRange(days.Where(d => !kept.Contains(d.Date)).Select(d => new CalendarYearDay(Year, d.Date, d.Name, d.IsOffDay)));
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One listed day of a year's notice.</summary>
public sealed class CalendarYearDay
{
    public const int NameMaxLength = 20;

    private CalendarYearDay() { }

    internal CalendarYearDay(int year, DateOnly date, string name, bool isOffDay)
    {
        Year = year;
        Date = date;
        Name = name;
        IsOffDay = isOffDay;
    }

    public int Year { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsOffDay { get; private set; }

    internal void Set(string name, bool isOffDay)
    {
        Name = name;
        IsOffDay = isOffDay;
    }
}
