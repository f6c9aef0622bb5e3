using Crm.Api.Data;
using Crm.Api.Domain.Calendar;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Calendar;

/// <summary>The stored years as the administration screens show them, read straight from the database (not the cached calendar).</summary>
internal sealed class CalendarYearReader
{
    private readonly Dictionary<int, CalendarYear> _years;
    private readonly Dictionary<long, string> _names;

    private CalendarYearReader(List<CalendarYear> years, Dictionary<long, string> names)
    {
        _years = years.ToDictionary(y => y.Year);
        _names = names;
        // Built from every year: a notice may list days of the year before (2023's 元旦 began on 2022-12-31).
        Calendar = WorkingCalendar.Build(years.Select(y => y.ToNotice()));
    }

    public WorkingCalendar Calendar { get; }

    public IReadOnlyCollection<int> Years => _years.Keys;

    public static async Task<CalendarYearReader> LoadAsync(CrmDbContext db, CancellationToken ct)
    {
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct);
        var staffIds = years.Where(y => y.UpdatedById is not null).Select(y => y.UpdatedById!.Value).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return new CalendarYearReader(years, names);
    }

    public CalendarYear? Find(int year) => _years.GetValueOrDefault(year);

    public CalendarYearSummary Summary(int year)
    {
        var workingDays = Calendar.WorkingDaysIn(year);
        if (!_years.TryGetValue(year, out var y))
            return new CalendarYearSummary(year, false, CalendarYearOrigin.None, workingDays, 0, 0, null, null, null, null);
        return new CalendarYearSummary(year, true, y.IsFromSeed ? CalendarYearOrigin.Shipped : CalendarYearOrigin.Administrator, workingDays,
            y.Days.Count(d => d.IsOffDay), y.Days.Count(d => !d.IsOffDay), y.Source, y.UpdatedAt,
            y.UpdatedById is { } by ? new StaffRef(by, _names.GetValueOrDefault(by, "")) : null, y.Version);
    }

    public CalendarYearDto Dto(int year) => new(Summary(year),
        _years.TryGetValue(year, out var y) ? y.Days.OrderBy(d => d.Date).Select(d => new CalendarDayDto(d.Date, d.Name, d.IsOffDay)).ToList() : []);
}
