using Crm.Api.Common.Calendar;
using Crm.Api.Domain.Calendar;
using Crm.Api.Features.Calendar;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Calendar;

public class CalendarRulesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2023, "2022-12-31", true)]
    [InlineData(2023, "2022-12-25", true)]
    [InlineData(2023, "2022-12-24", false)]
    [InlineData(2023, "2023-12-31", true)]
    [InlineData(2023, "2024-01-01", false)]
    [InlineData(2023, "2022-11-30", false)]
    public void A_notice_lists_days_of_its_year_or_of_the_last_week_before_it(int year, string date, bool inWindow) =>
        NoticeRules.IsInNoticeWindow(year, D(date)).ShouldBe(inWindow);

    [Theory]
    [InlineData("春节", true)]
    [InlineData("国庆节、中秋节", true)]
    [InlineData("中秋节、国庆节", true)]
    [InlineData("国庆节、国庆节", false)]
    [InlineData("国庆", false)]
    [InlineData("国庆节,中秋节", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Holiday_names_are_the_statutory_ones_alone_or_joined(string? name, bool valid) =>
        NoticeRules.IsHolidayName(name, NoticeRules.StatutoryHolidays).ShouldBe(valid);

    private static ReplaceCalendarYearValidator Validator(params string[] names) =>
        new(Options.Create(new CalendarOptions { HolidayNames = names }));

    private static CalendarDayInput Day(string date, string name, bool off) => new() { Date = D(date), Name = name, IsOffDay = off };

    private static IReadOnlyList<string> Errors(ReplaceCalendarYearCommand command, ReplaceCalendarYearValidator? validator = null) =>
        (validator ?? Validator()).Validate(command).Errors.Select(e => e.PropertyName.ToLowerInvariant()).ToList();

    [Fact]
    public void The_official_2025_notice_passes()
    {
        var days = Data.Seed.ShippedCalendar.All.Single(y => y.Year == 2025).Days.Select(d => Day(d.Date.ToString("yyyy-MM-dd"), d.Name, d.IsOffDay)).ToList();
        Errors(new ReplaceCalendarYearCommand { Year = 2025, Days = days }).ShouldBeEmpty();
    }

    [Fact]
    public void Each_broken_day_is_reported_on_its_own_field()
    {
        var command = new ReplaceCalendarYearCommand
        {
            Year = 2027,
            Days =
            [
                Day("2027-01-01", "元旦", true),
                Day("2027-02-03", "春节", false),     // a Wednesday cannot be a make-up working day
                Day("2028-01-01", "元旦", true),      // another year
                Day("2027-01-01", "元旦", true),      // twice
                Day("2027-05-01", "五一", true),      // unknown name
                new CalendarDayInput { Date = D("2027-10-01"), Name = "国庆节" },
                null,
            ],
        };
        Errors(command).ShouldBe(["days[1].date", "days[2].date", "days[3].date", "days[4].name", "days[5].isoffday", "days[6]"], ignoreOrder: true);
    }

    [Fact]
    public void A_year_needs_days_and_must_be_in_range()
    {
        Errors(new ReplaceCalendarYearCommand { Year = 1999, Days = [] }).ShouldBe(["year", "days"], ignoreOrder: true);
        Errors(new ReplaceCalendarYearCommand { Year = 2027 }).ShouldBe(["days"]);
    }

    [Fact]
    public void Configured_holiday_names_replace_the_statutory_list() =>
        Errors(new ReplaceCalendarYearCommand { Year = 2027, Days = [Day("2027-01-01", "元旦", true), Day("2027-03-08", "妇女节", true)] },
            Validator("元旦", "妇女节")).ShouldBeEmpty();

    [Fact]
    public void A_stored_year_keeps_its_rows_when_corrected_and_an_administrators_year_is_never_reseeded()
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var year = CalendarYear.FromSeed(2026, "gov.cn", [new CalendarOverride(D("2026-01-01"), "元旦", true)], new string('A', 64), now);
        year.IsFromSeed.ShouldBeTrue();
        year.Version.ShouldBe(1);

        year.Replace("gov.cn", [new CalendarOverride(D("2026-01-01"), "元旦", true), new CalendarOverride(D("2026-01-04"), "元旦", false)], now, 7);

        (year.IsFromSeed, year.Version, year.UpdatedById, year.Days.Count).ShouldBe((false, 2, 7L, 2));
        Should.Throw<InvalidOperationException>(() => year.ReplaceFromSeed(null, [], new string('B', 64), now));
        Should.Throw<ArgumentException>(() => year.Replace(null, [new CalendarOverride(D("2026-01-01"), "元旦", true),
            new CalendarOverride(D("2026-01-01"), "元旦", true)], now, 7));
    }

    [Fact]
    public void The_business_date_is_Shanghai_s_and_turns_at_its_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 15, 59, 59, TimeSpan.Zero));
        var clock = new BusinessClock(Options.Create(new CalendarOptions()), time);

        clock.Today.ShouldBe(D("2026-12-31"));
        time.Advance(TimeSpan.FromSeconds(1));
        clock.Today.ShouldBe(D("2027-01-01"));
        time.SetUtcNow(new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero));
        clock.Today.ShouldBe(D("2027-02-01"));
    }
}
