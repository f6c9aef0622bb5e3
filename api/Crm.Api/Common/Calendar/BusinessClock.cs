using Microsoft.Extensions.Options;

namespace Crm.Api.Common.Calendar;

/// <summary>Today's date where the business is (Asia/Shanghai by default), from the injected <see cref="TimeProvider"/>.</summary>
public sealed class BusinessClock(IOptions<CalendarOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = FindZone(options.Value.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOf(time.GetUtcNow());

    /// <summary>The business date at an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            // Containers without tzdata: China has kept UTC+8 without daylight saving since 1991.
            : TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
}
