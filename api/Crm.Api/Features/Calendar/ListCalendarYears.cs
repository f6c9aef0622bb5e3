using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Mediator;

namespace Crm.Api.Features.Calendar;

public sealed record ListCalendarYearsQuery : IQuery<IReadOnlyList<CalendarYearSummary>>;

/// <summary>Every year from the first known notice to next year (business date), known or not, so a missing year shows.</summary>
public sealed class ListCalendarYearsHandler(CrmDbContext db, BusinessClock clock) : IQueryHandler<ListCalendarYearsQuery, IReadOnlyList<CalendarYearSummary>>
{
    public async ValueTask<IReadOnlyList<CalendarYearSummary>> Handle(ListCalendarYearsQuery query, CancellationToken ct)
    {
        var reader = await CalendarYearReader.LoadAsync(db, ct);
        var nextYear = clock.Today.Year + 1;
        var first = reader.Years.Count == 0 ? nextYear - 1 : Math.Min(reader.Years.Min(), nextYear - 1);
        var last = reader.Years.Count == 0 ? nextYear : Math.Max(reader.Years.Max(), nextYear);
        return Enumerable.Range(first, last - first + 1).Select(reader.Summary).ToList();
    }
}
