using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Calendar;
using Mediator;

namespace Crm.Api.Features.Calendar;

public sealed record GetCalendarYearQuery(int Year) : IQuery<Result<CalendarYearDto>>;

public sealed class GetCalendarYearHandler(CrmDbContext db) : IQueryHandler<GetCalendarYearQuery, Result<CalendarYearDto>>
{
    public async ValueTask<Result<CalendarYearDto>> Handle(GetCalendarYearQuery query, CancellationToken ct)
    {
        if (query.Year is < NoticeRules.FirstYear or > NoticeRules.LastYear)
            return Error.Field("year", $"年份应在 {NoticeRules.FirstYear} 至 {NoticeRules.LastYear} 之间。");
        return (await CalendarYearReader.LoadAsync(db, ct)).Dto(query.Year);
    }
}
