using Crm.Api.Domain.FollowUp;

namespace Crm.Api.UnitTests;

public class FollowUpRulesTests
{
    [Theory]
    [InlineData("2026-11-18", ContactPeriod.Week, "2026-11-16", "2026-11-22")]
    [InlineData("2026-11-16", ContactPeriod.Week, "2026-11-16", "2026-11-22")]
    [InlineData("2026-11-22", ContactPeriod.Week, "2026-11-16", "2026-11-22")]
    [InlineData("2027-01-01", ContactPeriod.Week, "2026-12-28", "2027-01-03")]
    [InlineData("2024-02-10", ContactPeriod.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2026-12-31", ContactPeriod.Year, "2026-01-01", "2026-12-31")]
    public void Periods_are_Monday_weeks_calendar_months_and_calendar_years(string day, ContactPeriod period, string from, string to) =>
        ContactRules.PeriodContaining(DateOnly.Parse(day), period).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));

    [Theory]
    // July 2026 ends on a Friday: its weeks are the four ending on Sundays 5, 12, 19, 26; the week of Jul 27 ends in August.
    [InlineData("2026-07-01", "2026-07-05,2026-07-12,2026-07-19,2026-07-26,2026-07-31")]
    // May 2026 ends on a Sunday: that day closes a week and the month at once, and is listed once.
    [InlineData("2026-05-01", "2026-05-03,2026-05-10,2026-05-17,2026-05-24,2026-05-31")]
    // February 2026 starts on a Sunday: the week Jan 26 – Feb 1 belongs to February.
    [InlineData("2026-02-01", "2026-02-01,2026-02-08,2026-02-15,2026-02-22,2026-02-28")]
    public void Contact_periods_are_judged_in_the_month_they_end_weeks_by_their_Sunday(string month, string ends) =>
        ContactRules.PeriodEndsIn(DateOnly.Parse(month)).ShouldBe(ends.Split(',').Select(DateOnly.Parse));

    [Fact]
    public void A_visit_may_be_a_meeting_in_person_and_a_call_is_only_a_call()
    {
        ContactRules.ActivitiesFor(ContactKind.Visit).ShouldBe([Domain.Activities.ActivityKind.Visit, Domain.Activities.ActivityKind.Meeting]);
        ContactRules.ActivitiesFor(ContactKind.Call).ShouldBe([Domain.Activities.ActivityKind.Call]);
    }

    [Theory]
    [InlineData(10, 5, "2026-09-20", "2026-10-05")]
    [InlineData(9, 20, "2026-09-20", "2026-09-20")]
    [InlineData(1, 2, "2026-09-20", "2027-01-02")]
    [InlineData(2, 29, "2026-09-20", "2027-02-28")]
    [InlineData(2, 29, "2027-09-20", "2028-02-29")]
    public void The_next_occurrence_of_a_date_is_on_or_after_today(int month, int day, string from, string expected) =>
        CareDates.NextOccurrence(month, day, DateOnly.Parse(from)).ShouldBe(DateOnly.Parse(expected));

    [Fact]
    public void Anniversaries_are_read_from_free_text_with_their_labels()
    {
        CareDates.Anniversaries("结婚纪念日 05-20；公司成立日 12/1，入职 3月8日").ShouldBe([("结婚纪念日", 5, 20), ("公司成立日", 12, 1), ("入职", 3, 8)]);
        CareDates.Anniversaries("13-40 无效；喜欢钓鱼").ShouldBeEmpty();
        CareDates.Anniversaries(null).ShouldBeEmpty();
    }
}
