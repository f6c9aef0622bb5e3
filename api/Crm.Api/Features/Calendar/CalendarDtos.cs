using System.Globalization;
using Crm.Api.Domain.Calendar;
using Crm.Api.Features.Customers;

namespace Crm.Api.Features.Calendar;

/// <summary>One listed day of a year's notice: a holiday day (isOffDay true) or a make-up working weekend day (false).</summary>
public sealed record CalendarDayDto(DateOnly Date, string Name, bool IsOffDay);

/// <summary>Where a year's days come from.</summary>
public enum CalendarYearOrigin
{
    /// <summary>No notice known: the weekday rule applies and answers are not confirmed.</summary>
    None,

    /// <summary>Shipped with Crm (Data/Seed/cn-calendar).</summary>
    Shipped,

    /// <summary>Entered or corrected by an administrator; the shipped data no longer touch it.</summary>
    Administrator,
}

/// <param name="Confirmed">Whether the year's notice is known; if not, its working days follow the weekday rule.</param>
/// <param name="WorkingDays">Working days from 1 January to 31 December.</param>
/// <param name="OffDays">Listed holiday days (weekend days of a holiday block included).</param>
/// <param name="MakeUpWorkdays">Weekend days worked (调休上班).</param>
public sealed record CalendarYearSummary(
    int Year,
    bool Confirmed,
    CalendarYearOrigin Origin,
    int WorkingDays,
    int OffDays,
    int MakeUpWorkdays,
    string? Source,
    DateTimeOffset? UpdatedAt,
    StaffRef? UpdatedBy,
    int? Version);

/// <summary>A year with its listed days. <see cref="CalendarYearSummary.Version"/> is also the ETag (none while unconfirmed).</summary>
public sealed record CalendarYearDto(CalendarYearSummary Year, IReadOnlyList<CalendarDayDto> Days);

/// <param name="WorkingDays">Working days in (from, to]: from excluded, to included; negative when to is before from.</param>
/// <param name="CalendarConfirmed">false when a day counted lies in a year without a known notice (weekday rule used).</param>
public sealed record WorkingDaysAnswer(DateOnly From, DateOnly To, int WorkingDays, bool CalendarConfirmed);

/// <param name="Result">The days-th working day after date (days &gt; 0), before it (days &lt; 0), or date itself (0).</param>
/// <param name="CalendarConfirmed">false when a day passed over lies in a year without a known notice (weekday rule used).</param>
public sealed record AddWorkingDaysAnswer(DateOnly Date, int Days, DateOnly Result, bool CalendarConfirmed);

/// <param name="HolidayName">The holiday a holiday or make-up working day belongs to (春节, 国庆节、中秋节 …).</param>
/// <param name="CalendarConfirmed">false when the date's year has no known notice (weekday rule used).</param>
public sealed record DayCheckAnswer(DateOnly Date, string DayOfWeek, bool IsWorkingDay, DayKind Kind, string? HolidayName, bool CalendarConfirmed);

internal static class CalendarDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);
    public const string Message = "日期应为 yyyy-MM-dd 格式，在 1900-01-01 至 2199-12-31 之间。";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date >= Min && date <= Max;

    public static DateOnly Parse(string? text) => TryParse(text, out var date) ? date : throw new FormatException(Message);

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string DayOfWeekName(DateOnly date) => Weekdays[(int)date.DayOfWeek];
}
