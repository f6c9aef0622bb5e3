using Crm.Api.Data.Seed;
using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.Deadlines;

namespace Crm.Api.UnitTests.Deadlines;

public class ObligationStateTests
{
    private static readonly WorkingCalendar Official = ShippedCalendar.Calendar();

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static Obligation Filing(string firstContact, int days = 5) =>
        new(ObligationKind.Filing, 1, 2, 3, D(firstContact), Official.AddWorkingDays(D(firstContact), days), [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_filing_after_first_contact_on_the_Friday_before_Spring_Festival_2026_counts_the_make_up_Saturday_and_skips_the_holiday()
    {
        var filing = Filing("2026-02-13");

        filing.DueOn.ShouldBe(D("2026-02-27"));
        filing.CalendarConfirmed.ShouldBeTrue();
    }

    [Theory]
    // Due Friday 2026-02-27: three working days left on Tuesday, two on Wednesday (due soon), none on the day itself.
    [InlineData("2026-02-24", ObligationState.Pending)]
    [InlineData("2026-02-25", ObligationState.DueSoon)]
    [InlineData("2026-02-27", ObligationState.DueSoon)]
    [InlineData("2026-02-28", ObligationState.Overdue)]
    // During the holiday five working days remain (14 Feb was the make-up day already behind).
    [InlineData("2026-02-18", ObligationState.Pending)]
    public void An_open_filing_is_pending_due_soon_within_2_working_days_and_overdue_after_its_due_date(string today, ObligationState expected) =>
        Filing("2026-02-13").StateOn(D(today), Official, 2).ShouldBe(expected);

    [Fact]
    public void A_returned_filing_counts_as_open_and_becomes_overdue_the_same_way()
    {
        var filing = Filing("2026-02-13");
        filing.Submit(D("2026-02-26"), DateTimeOffset.UnixEpoch, 3);
        filing.StateOn(D("2026-03-02"), Official, 2).ShouldBe(ObligationState.Submitted);
        filing.Return("缺少开票信息", DateTimeOffset.UnixEpoch, 4);

        filing.StateOn(D("2026-02-26"), Official, 2).ShouldBe(ObligationState.DueSoon);
        filing.StateOn(D("2026-03-02"), Official, 2).ShouldBe(ObligationState.Overdue);
        filing.ReturnedReason.ShouldBe("缺少开票信息");
    }

    [Fact]
    public void Met_on_time_or_late_depends_on_the_accepted_submission_s_date_not_on_the_decision_s()
    {
        var onTime = Filing("2026-02-13");
        onTime.Submit(D("2026-02-27"), DateTimeOffset.UnixEpoch, 3);
        onTime.Accept(DateTimeOffset.UnixEpoch, 4);
        onTime.StateOn(D("2026-04-01"), Official, 2).ShouldBe(ObligationState.MetOnTime);
        onTime.MetOn.ShouldBe(D("2026-02-27"));

        var late = Filing("2026-02-13");
        late.Submit(D("2026-02-26"), DateTimeOffset.UnixEpoch, 3);
        late.Return("请补充", DateTimeOffset.UnixEpoch, 4);
        late.Submit(D("2026-03-02"), DateTimeOffset.UnixEpoch, 3);
        late.Accept(DateTimeOffset.UnixEpoch, 4);
        late.StateOn(D("2026-03-02"), Official, 2).ShouldBe(ObligationState.MetLate);
        late.Submissions.ShouldBe(2);
    }

    [Fact]
    public void Only_open_or_returned_obligations_can_be_submitted_and_only_submitted_ones_decided()
    {
        var filing = Filing("2026-03-02");
        Should.Throw<InvalidOperationException>(() => filing.Accept(DateTimeOffset.UnixEpoch, 4));
        filing.Submit(D("2026-03-03"), DateTimeOffset.UnixEpoch, 3);
        Should.Throw<InvalidOperationException>(() => filing.Submit(D("2026-03-03"), DateTimeOffset.UnixEpoch, 3));
        filing.Accept(DateTimeOffset.UnixEpoch, 4);
        Should.Throw<InvalidOperationException>(() => filing.Return("x", DateTimeOffset.UnixEpoch, 4));
    }

    [Fact]
    public void A_change_report_collects_further_changed_fields_once_each()
    {
        var report = new Obligation(ObligationKind.ChangeReport, 1, 2, 3, D("2026-03-02"), Official.AddWorkingDays(D("2026-03-02"), 5), ["name"],
            DateTimeOffset.UnixEpoch);
        report.AddChangedFields(["address", "name"]);
        report.ChangedFieldList.ShouldBe(["name", "address"]);
        report.DueOn.ShouldBe(D("2026-03-09"));
    }

    [Fact]
    public void A_feedback_quota_reports_the_total_and_each_grade_s_shortfall()
    {
        var quota = new FeedbackQuota { Total = 5, Grades = new() { ["A"] = 2, ["B"] = 2, ["C"] = 1 } };

        var (total, grades) = quota.Missing(new Dictionary<string, int> { ["A"] = 3, ["B"] = 1 });
        total.ShouldBe(1);
        grades.ShouldBe(new Dictionary<string, int> { ["B"] = 1, ["C"] = 1 });

        var met = quota.Missing(new Dictionary<string, int> { ["A"] = 2, ["B"] = 2, ["C"] = 1 });
        (met.Total, met.Grades.Count).ShouldBe((0, 0));
    }
}
