using Crm.Api.Data.Seed;
using Crm.Api.Domain.Calendar;
using CsCheck;

namespace Crm.Api.UnitTests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Official = ShippedCalendar.Calendar();
    private static readonly NaiveCalendar Reference = new(ShippedCalendar.All.Select(y => y.ToNotice()));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Each_shipped_year_has_its_official_number_of_working_days(int year, int workingDays)
    {
        Official.WorkingDaysIn(year).ShouldBe(workingDays);
        Official.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).ShouldBe(new CalendarAnswer<int>(workingDays, true));
    }

    [Fact]
    public void The_shipped_data_are_the_seven_official_years_and_2023_reaches_back_to_2022_12_31()
    {
        ShippedCalendar.All.Select(y => y.Year).ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        ShippedCalendar.All.Select(y => y.Hash).Distinct().Count().ShouldBe(7);
        ShippedCalendar.All.Single(y => y.Year == 2023).Days[0].ShouldBe(new CalendarOverride(D("2022-12-31"), "元旦", true));
        Official.ConfirmedYears.ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    }

    [Theory]
    // 2025: Spring Festival 01-28 … 02-04 off; Sunday 01-26 and Saturday 02-08 worked.
    [InlineData("2025-01-26", true, DayKind.MakeUpWorkday, "春节")]
    [InlineData("2025-02-08", true, DayKind.MakeUpWorkday, "春节")]
    [InlineData("2025-01-28", false, DayKind.Holiday, "春节")]
    [InlineData("2025-02-04", false, DayKind.Holiday, "春节")]
    [InlineData("2025-02-05", true, DayKind.Workday, null)]
    [InlineData("2025-01-25", false, DayKind.Weekend, null)]
    [InlineData("2025-10-08", false, DayKind.Holiday, "国庆节、中秋节")]
    [InlineData("2025-10-11", true, DayKind.MakeUpWorkday, "国庆节、中秋节")]
    // 2024: Sunday 02-04 and Sunday 02-18 worked; Spring Festival Eve 02-09 is a working day.
    [InlineData("2024-02-04", true, DayKind.MakeUpWorkday, "春节")]
    [InlineData("2024-02-09", true, DayKind.Workday, null)]
    [InlineData("2024-02-18", true, DayKind.MakeUpWorkday, "春节")]
    // 2026: Saturday 02-14 and Saturday 02-28 worked, 02-15 … 02-23 off.
    [InlineData("2026-02-14", true, DayKind.MakeUpWorkday, "春节")]
    [InlineData("2026-02-23", false, DayKind.Holiday, "春节")]
    [InlineData("2026-02-28", true, DayKind.MakeUpWorkday, "春节")]
    [InlineData("2026-01-04", true, DayKind.MakeUpWorkday, "元旦")]
    // The 2020 extension: Friday 01-31 off, and Saturday 02-01 no longer worked.
    [InlineData("2020-01-31", false, DayKind.Holiday, "春节")]
    [InlineData("2020-02-01", false, DayKind.Holiday, "春节")]
    public void Days_are_working_days_by_the_notices(string date, bool working, DayKind kind, string? holiday)
    {
        var day = Official.Describe(D(date));
        (day.IsWorkingDay, day.Kind, day.HolidayName, day.Confirmed).ShouldBe((working, kind, holiday, true));
        Official.IsWorkingDay(D(date)).ShouldBe(working);
    }

    [Theory]
    // "Within 5 working days after first contact" across each Spring Festival, make-up days counted.
    [InlineData("2024-02-08", 5, "2024-02-21")]
    [InlineData("2025-01-24", 5, "2025-02-07")]
    [InlineData("2026-02-12", 5, "2026-02-26")]
    [InlineData("2025-01-25", 1, "2025-01-26")]
    [InlineData("2025-02-07", 1, "2025-02-08")]
    [InlineData("2025-10-01", 1, "2025-10-09")]
    [InlineData("2024-12-31", 3, "2025-01-06")]
    [InlineData("2025-02-07", -5, "2025-01-24")]
    [InlineData("2026-02-26", -5, "2026-02-12")]
    // n = 0 is the date itself, even on a holiday: nothing is added, nothing is rolled.
    [InlineData("2025-01-29", 0, "2025-01-29")]
    public void Adding_working_days_skips_holidays_and_counts_make_up_days(string date, int days, string expected) =>
        Official.AddWorkingDays(D(date), days).ShouldBe(new CalendarAnswer<DateOnly>(D(expected), true));

    [Theory]
    [InlineData("2025-01-24", "2025-02-07", 5)]
    [InlineData("2025-01-27", "2025-02-07", 3)]
    [InlineData("2024-02-09", "2024-02-19", 2)]
    [InlineData("2026-02-13", "2026-02-24", 2)]
    [InlineData("2025-09-30", "2025-10-31", 18)]
    [InlineData("2025-02-07", "2025-01-24", -5)]
    [InlineData("2025-01-29", "2025-01-29", 0)]
    public void Working_days_between_count_from_exclusive_to_inclusive(string from, string to, int expected) =>
        Official.WorkingDaysBetween(D(from), D(to)).ShouldBe(new CalendarAnswer<int>(expected, true));

    [Fact]
    public void A_deadline_in_a_year_without_a_notice_follows_the_weekday_rule_and_is_not_confirmed()
    {
        // 2027-01-01 will be 元旦, but until the notice is entered it is a Friday like any other.
        Official.AddWorkingDays(D("2026-12-30"), 5).ShouldBe(new CalendarAnswer<DateOnly>(D("2027-01-06"), false));
        Official.AddWorkingDays(D("2026-12-24"), 4).ShouldBe(new CalendarAnswer<DateOnly>(D("2026-12-30"), true));
        Official.WorkingDaysBetween(D("2026-12-31"), D("2027-01-08")).ShouldBe(new CalendarAnswer<int>(6, false));
        Official.Describe(D("2027-01-01")).ShouldBe(new DayInfo(D("2027-01-01"), true, DayKind.Workday, null, false));
        Official.AddWorkingDays(D("2020-01-02"), -3).ShouldBe(new CalendarAnswer<DateOnly>(D("2019-12-27"), false));
        Official.IsConfirmedYear(2019).ShouldBeFalse();
        Official.IsConfirmedYear(2027).ShouldBeFalse();
    }

    [Fact]
    public void A_later_year_once_entered_confirms_deadlines_and_moves_them()
    {
        var notice2027 = new CalendarNotice(2027, [new CalendarOverride(D("2027-01-01"), "元旦", true)]);
        var calendar = WorkingCalendar.Build(ShippedCalendar.All.Select(y => y.ToNotice()).Append(notice2027));

        calendar.AddWorkingDays(D("2026-12-30"), 5).ShouldBe(new CalendarAnswer<DateOnly>(D("2027-01-07"), true));
        calendar.WorkingDaysIn(2027).ShouldBe(260);
    }

    [Fact]
    public void Without_any_notice_the_weekday_rule_holds_everywhere_and_nothing_is_confirmed()
    {
        var calendar = WorkingCalendar.WeekdaysOnly;
        calendar.IsWorkingDay(D("2025-01-28")).ShouldBeTrue();
        calendar.AddWorkingDays(D("2025-01-24"), 5).ShouldBe(new CalendarAnswer<DateOnly>(D("2025-01-31"), false));
        calendar.WorkingDaysIn(2025).ShouldBe(261);
        calendar.ConfirmedYears.ShouldBeEmpty();
    }

    [Fact]
    public void Results_outside_the_supported_dates_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(DateOnly.MaxValue.AddDays(-3), 10));
        Should.Throw<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(DateOnly.MinValue.AddDays(3), -10));
    }

    [Fact]
    public void A_date_listed_by_two_notices_takes_the_later_notice()
    {
        var calendar = WorkingCalendar.Build([
            new CalendarNotice(2030, [new CalendarOverride(D("2030-12-28"), "元旦", false)]),
            new CalendarNotice(2031, [new CalendarOverride(D("2030-12-28"), "元旦", true)]),
        ]);
        calendar.Describe(D("2030-12-28")).Kind.ShouldBe(DayKind.Holiday);
    }

    private static readonly Gen<DateOnly> Date2019To2028 =
        Gen.Int[new DateOnly(2019, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void Adding_matches_the_day_by_day_reference_2019_to_2028() =>
        Gen.Select(Date2019To2028, Gen.Int[-400, 400]).Sample((date, n) =>
        {
            var fast = Official.AddWorkingDays(date, n);
            var (result, confirmed) = Reference.Add(date, n);
            fast.ShouldBe(new CalendarAnswer<DateOnly>(result, n == 0 || confirmed), $"{date:yyyy-MM-dd} + {n}");
        }, iter: 20_000);

    [Fact]
    public void Counting_matches_the_day_by_day_reference_and_inverts_adding() =>
        Gen.Select(Date2019To2028, Date2019To2028).Sample((from, to) =>
        {
            var fast = Official.WorkingDaysBetween(from, to);
            var (count, confirmed) = Reference.Between(from, to);
            fast.ShouldBe(new CalendarAnswer<int>(count, confirmed), $"({from:yyyy-MM-dd}, {to:yyyy-MM-dd}]");
            if (count >= 0)
                Official.WorkingDaysBetween(from, Official.AddWorkingDays(from, count).Value).Value.ShouldBe(count);
            Official.IsWorkingDay(to).ShouldBe(Reference.IsWorkingDay(to));
        }, iter: 5_000);

    /// <summary>Calendars of random years (with gaps) and random notices, to reach every edge of the precomputed span.</summary>
    private static readonly Gen<CalendarNotice[]> RandomNotices =
        Gen.Select(Gen.Int[2015, 2035], Gen.Select(Gen.Int[-DaysBack, 364], Gen.Bool, Gen.OneOf("元旦", "春节", "国庆节")).Array[0, 25])
            .Array[0, 8]
            .Select(years => years.DistinctBy(y => y.Item1).Select(y => new CalendarNotice(y.Item1, y.Item2
                .Select(d => (Date: new DateOnly(y.Item1, 1, 1).AddDays(d.Item1), Off: d.Item2, Name: d.Item3))
                .Where(d => d.Date.Year <= y.Item1 && (d.Off || NoticeRules.IsWeekend(d.Date)))
                .DistinctBy(d => d.Date)
                .Select(d => new CalendarOverride(d.Date, d.Name, d.Off)).ToList())).ToArray());

    private const int DaysBack = NoticeRules.DaysIntoPreviousDecember;

    [Fact]
    public void Any_calendar_matches_the_reference_around_and_beyond_its_known_years() =>
        Gen.Select(RandomNotices, Gen.Int[new DateOnly(2010, 1, 1).DayNumber, new DateOnly(2040, 12, 31).DayNumber], Gen.Int[-800, 800],
            Gen.Int[-900, 900]).Sample((notices, day, n, span) =>
        {
            var fast = WorkingCalendar.Build(notices);
            var reference = new NaiveCalendar(notices);
            var date = DateOnly.FromDayNumber(day);
            var (result, confirmed) = reference.Add(date, n);
            fast.AddWorkingDays(date, n).ShouldBe(new CalendarAnswer<DateOnly>(result, n == 0 || confirmed));
            var (count, countConfirmed) = reference.Between(date, date.AddDays(span));
            fast.WorkingDaysBetween(date, date.AddDays(span)).ShouldBe(new CalendarAnswer<int>(count, countConfirmed));
            fast.IsWorkingDay(date).ShouldBe(reference.IsWorkingDay(date));
        }, iter: 2_000);
}
