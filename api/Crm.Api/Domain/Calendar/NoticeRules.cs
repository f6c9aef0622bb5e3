namespace Crm.Api.Domain.Calendar;

/// <summary>What a year's holiday notice must satisfy before it may change the working days.</summary>
public static class NoticeRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>How far into the previous December a notice may reach (2023's 元旦 began on 2022-12-31).</summary>
    public const int DaysIntoPreviousDecember = 7;

    /// <summary>The statutory holidays (全国年节及纪念日放假办法) as the notices name them.</summary>
    public static readonly IReadOnlyList<string> StatutoryHolidays = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    public const char NameSeparator = '、';

    /// <summary>A date the notice of <paramref name="year"/> may list: in that year, or in the last days of the year before.</summary>
    public static bool IsInNoticeWindow(int year, DateOnly date) =>
        date.Year == year
        || (date.Year == year - 1 && date.Month == 12 && date.Day > 31 - DaysIntoPreviousDecember);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>One holiday name of <paramref name="known"/>, or several joined by 、 (国庆节、中秋节), each once.</summary>
    public static bool IsHolidayName(string? name, IReadOnlyCollection<string> known)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > CalendarYearDay.NameMaxLength)
            return false;
        var parts = name.Trim().Split(NameSeparator);
        return parts.All(known.Contains) && parts.Distinct().Count() == parts.Length;
    }
}
