using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Calendar;

namespace Crm.Api.Common.Calendar;

public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How often, at most, an instance checks whether another instance changed the calendar.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>Whose calendar decides today's business date (activities, deadlines).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The most working days one <c>GET /api/v1/calendar/add</c> may add or subtract.</summary>
    [Range(1, 100_000)]
    public int MaxAddDays { get; set; } = 1000;

    /// <summary>Holiday names a notice may use; empty means the statutory seven (<see cref="NoticeRules.StatutoryHolidays"/>).</summary>
    public string[] HolidayNames { get; set; } = [];

    public IReadOnlyList<string> EffectiveHolidayNames => HolidayNames.Length == 0 ? NoticeRules.StatutoryHolidays : HolidayNames;
}
