using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Mediator;

namespace Crm.Api.Features.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");

        calendar.MapGet("/working-days", async (IMediator mediator, CancellationToken ct, string? from, string? to) =>
                TypedResults.Ok(await mediator.Send(new CountWorkingDaysQuery(from, to), ct)))
            .WithName("CountWorkingDays")
            .WithSummary("Working days between two dates (Chinese official calendar with 调休)")
            .WithDescription("Counts the working days in (from, to]: `from` excluded, `to` included, so from=2025-01-24&to=2025-02-07 is 5 " +
                             "(Spring Festival 2025, with the make-up Sunday 2025-01-26). Negative when `to` is before `from`. `calendarConfirmed` is false when a day counted lies in a year " +
                             "whose holiday notice is not known yet: that part is counted by the weekday rule (Mon–Fri).")
            .Produces<WorkingDaysAnswer>()
            .ProducesProblems(400);

        calendar.MapGet("/add", async (IMediator mediator, CancellationToken ct, string? date, string? days) =>
                TypedResults.Ok(await mediator.Send(new AddWorkingDaysQuery(date, days), ct)))
            .WithName("AddWorkingDays")
            .WithSummary("The date a number of working days after (or before) a date")
            .WithDescription("`days` > 0: the days-th working day after `date` (`date` itself never counts: 5 working days after a first " +
                             "contact on 2025-01-24 is 2025-02-07). `days` < 0: the |days|-th working day before `date`. 0: `date` itself. " +
                             "`date` defaults to today (Asia/Shanghai). |days| ≤ Calendar:MaxAddDays (1000). `calendarConfirmed` is false when a day " +
                             "passed over lies in a year without a known notice.")
            .Produces<AddWorkingDaysAnswer>()
            .ProducesProblems(400);

        calendar.MapGet("/check", async (IMediator mediator, CancellationToken ct, string? date) =>
                TypedResults.Ok(await mediator.Send(new CheckCalendarDayQuery(date), ct)))
            .WithName("CheckCalendarDay")
            .WithSummary("Whether a date is a working day, and which holiday it belongs to")
            .WithDescription("`kind` is Workday, Weekend, Holiday (放假) or MakeUpWorkday (调休上班); `holidayName` names the holiday of the " +
                             "last two. `date` defaults to today (Asia/Shanghai). `calendarConfirmed` is false when its year has no known notice.")
            .Produces<DayCheckAnswer>()
            .ProducesProblems(400);

        calendar.MapGet("/years", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCalendarYearsQuery(), ct)))
            .WithName("ListCalendarYears")
            .WithSummary("The calendar's years: which holiday notices are known, from the first to next year")
            .WithDescription("A year without a notice (`confirmed` false, `origin` None) counts its working days by the weekday rule; " +
                             "an administrator adds it with PUT /api/v1/calendar/{year} once the State Council publishes it.")
            .Produces<IReadOnlyList<CalendarYearSummary>>();

        calendar.MapGet("/{year:int}", async (int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetCalendarYearQuery(year), ct))
                .Match(y => y.Year.Version is { } v ? TypedResults.Ok(y).WithETag(http, v) : TypedResults.Ok(y), http))
            .WithName("GetCalendarYear")
            .WithSummary("One year's holiday notice: its holiday days and make-up working days; the ETag header carries its version")
            .WithDescription("A year without a notice answers `confirmed` false, no days and no ETag.")
            .Produces<CalendarYearDto>()
            .ProducesProblems(400);

        calendar.MapPut("/{year:int}", async (int year, ReplaceCalendarYearRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ReplaceCalendarYearCommand
                {
                    Year = year, Source = body.Source, Days = body.Days, ExpectedVersion = Preconditions.ExpectedVersion(http.Request),
                }, ct)).Match(r => (r.Created
                    ? TypedResults.Created($"/api/v1/calendar/{year}", r.Year)
                    : (IResult)TypedResults.Ok(r.Year)).WithETag(http, r.Year.Year.Version!.Value), http))
            .WithName("ReplaceCalendarYear")
            .WithSummary("Add or correct a year's holiday notice (admin.calendar)")
            .WithDescription("Lists every day of the notice: holiday days (`isOffDay` true, weekend days of a block included) and make-up " +
                             "working days (`isOffDay` false, only on a Saturday or Sunday). Dates lie in that year, or in the last 7 days of " +
                             "the previous December (a 元旦 block starting early); no date twice; `name` is 元旦, 春节, 清明节, 劳动节, 端午节, " +
                             "中秋节, 国庆节 or several joined by 、. A new year answers 201 and needs no If-Match; replacing a year needs the " +
                             "ETag of the last read in If-Match (428 without, 412 stale). Every deadline computed afterwards uses it, on every " +
                             "instance within Calendar:RefreshSeconds; a shipped year once corrected here is never overwritten by the shipped data.")
            .Produces<CalendarYearDto>()
            .Produces<CalendarYearDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409, 412, 428);
    }
}
