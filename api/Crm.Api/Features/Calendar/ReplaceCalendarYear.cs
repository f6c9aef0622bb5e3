using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Calendar;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Calendar;

/// <summary>One day of a notice as sent.</summary>
public sealed record CalendarDayInput
{
    public DateOnly? Date { get; init; }

    /// <summary>The holiday: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, or several joined by 、 (国庆节、中秋节).</summary>
    public string? Name { get; init; }

    /// <summary>true: a holiday day (放假); false: a make-up working day (调休上班), which must be a Saturday or Sunday.</summary>
    public bool? IsOffDay { get; init; }
}

public sealed record ReplaceCalendarYearRequest
{
    /// <summary>Where the dates come from, e.g. the notice's address on www.gov.cn.</summary>
    public string? Source { get; init; }

    /// <summary>Every day the notice lists: each holiday day (weekend days of the block included) and each make-up working day.</summary>
    public IReadOnlyList<CalendarDayInput?>? Days { get; init; }
}

public sealed record ReplaceCalendarYearCommand : ICommand<Result<ReplacedCalendarYear>>
{
    public int Year { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<CalendarDayInput?>? Days { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed record ReplacedCalendarYear(CalendarYearDto Year, bool Created);

public sealed class ReplaceCalendarYearValidator : AbstractValidator<ReplaceCalendarYearCommand>
{
    public const int MaxDays = 100;

    public ReplaceCalendarYearValidator(IOptions<CalendarOptions> options)
    {
        var names = options.Value.EffectiveHolidayNames;
        RuleFor(c => c.Year).InclusiveBetween(NoticeRules.FirstYear, NoticeRules.LastYear)
            .WithMessage($"年份应在 {NoticeRules.FirstYear} 至 {NoticeRules.LastYear} 之间。");
        RuleFor(c => c.Source).MaximumLength(CalendarYear.SourceMaxLength).WithMessage($"来源最多 {CalendarYear.SourceMaxLength} 个字符。");
        RuleFor(c => c.Days).NotNull().WithMessage("请列出通知中的放假和调休上班日期。");
        RuleFor(c => c.Days).Must(d => d!.Count is >= 1 and <= MaxDays).When(c => c.Days is not null)
            .WithMessage($"应列出 1 至 {MaxDays} 天。");
        RuleForEach(c => c.Days).NotNull().WithMessage("日期项不能为空。").ChildRules(day =>
        {
            day.RuleFor(d => d!.Date).NotNull().WithMessage("请填写日期（yyyy-MM-dd）。");
            day.RuleFor(d => d!.Name).Must(n => NoticeRules.IsHolidayName(n, names))
                .WithMessage($"节日名称应为 {string.Join("、", names)} 之一，或用“、”连接的几个（如 国庆节、中秋节）。");
            day.RuleFor(d => d!.IsOffDay).NotNull().WithMessage("请说明是放假（true）还是调休上班（false）。");
            day.RuleFor(d => d!.Date).Must(d => NoticeRules.IsWeekend(d!.Value))
                .When(d => d!.IsOffDay == false && d.Date is not null)
                .WithMessage("调休上班日须为星期六或星期日。");
        });
        // Rules across the list, reported on the offending item's date.
        RuleFor(c => c.Days).Custom((days, context) =>
        {
            if (days is null)
                return;
            var year = context.InstanceToValidate.Year;
            var seen = new Dictionary<DateOnly, int>();
            for (var i = 0; i < days.Count; i++)
            {
                if (days[i]?.Date is not { } date)
                    continue;
                if (!NoticeRules.IsInNoticeWindow(year, date))
                    context.AddFailure($"days[{i}].date",
                        $"日期须在 {year} 年内（或 {year - 1} 年 12 月的最后 {NoticeRules.DaysIntoPreviousDecember} 天，如跨年的元旦假期）。");
                if (!seen.TryAdd(date, i))
                    context.AddFailure($"days[{i}].date", $"与 days[{seen[date]}] 的日期重复。");
            }
        });
    }
}

public sealed class ReplaceCalendarYearHandler(CrmDbContext db, UserContext users, TimeProvider clock, ICalendarProvider calendars)
    : ICommandHandler<ReplaceCalendarYearCommand, Result<ReplacedCalendarYear>>
{
    public async ValueTask<Result<ReplacedCalendarYear>> Handle(ReplaceCalendarYearCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.AdminCalendar))
            return Error.Forbidden("需要维护工作日历的权限（admin.calendar）。");

        var days = command.Days!.Select(d => new CalendarOverride(d!.Date!.Value, d.Name!.Trim(), d.IsOffDay!.Value)).OrderBy(d => d.Date).ToList();
        var source = string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim();
        var now = clock.GetUtcNow();
        var stored = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == command.Year, ct);
        var created = stored is null;
        if (stored is null)
        {
            // If-Match names a version of a year that does not exist: nothing can match it.
            if (command.ExpectedVersion is not null)
                return Error.PreconditionFailed();
            db.CalendarYears.Add(CalendarYear.Enter(command.Year, source, days, now, user.StaffId));
        }
        else
        {
            if (Preconditions.Check(command.ExpectedVersion, stored.Version) is { } stale)
                return stale;
            // Sending the year exactly as it stands changes nothing (a shipped year stays shipped).
            if (stored.Source != source || !stored.ToNotice().Days.SequenceEqual(days))
                stored.Replace(source, days, now, user.StaffId);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            return Error.Conflict("calendarYearExists", $"{command.Year} 年的日历刚被他人录入，请重新加载后再修改。");
        }
        await calendars.RefreshAsync(ct);
        return new ReplacedCalendarYear((await CalendarYearReader.LoadAsync(db, ct)).Dto(command.Year), created);
    }
}
