using Crm.Api.Common.Calendar;
using Crm.Api.Domain.Activities;
using Crm.Api.Features.Activities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Activities;

public class ActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static ActivityDetails Details(DateOnly? on = null, IReadOnlyList<long>? participants = null, string notes = "拜访采购部，沟通明年框架协议。") =>
        new(ActivityKind.Visit, on ?? new DateOnly(2026, 11, 20), participants ?? [5, 9], [3], notes, "同意报价", "寄送样品", new DateOnly(2026, 11, 27));

    [Fact]
    public void An_unchanged_update_keeps_the_version_and_a_real_one_moves_it_and_records_who()
    {
        var activity = new Activity(1, Details(), Now, 5);

        activity.Update(Details(), Now.AddHours(1), 9).ShouldBeFalse();
        activity.Version.ShouldBe(1);

        activity.Update(Details(participants: [9, 5]), Now.AddHours(2), 9).ShouldBeTrue();
        (activity.Version, activity.UpdatedById, activity.CreatedById, activity.UpdatedAt).ShouldBe((2, 9L, 5L, Now.AddHours(2)));
        activity.Details.ParticipantIds.ShouldBe([9L, 5L]);
    }

    [Fact]
    public void An_activity_needs_notes_participants_and_a_next_step_not_due_before_it()
    {
        Should.Throw<ArgumentException>(() => new Activity(1, Details(notes: " "), Now, 5));
        Should.Throw<ArgumentException>(() => new Activity(1, Details(participants: []), Now, 5));
        Should.Throw<ArgumentException>(() => new Activity(1, Details(on: new DateOnly(2026, 11, 28)), Now, 5));
    }

    private static ActivityFieldsValidator Validator(DateTimeOffset now) =>
        new(new BusinessClock(Options.Create(new CalendarOptions()), new FakeTimeProvider(now)));

    private static CreateActivityRequest Request(string occurredOn) => new()
    {
        Kind = ActivityKind.Call, OccurredOn = DateOnly.Parse(occurredOn, System.Globalization.CultureInfo.InvariantCulture), Notes = "电话回访",
    };

    [Theory]
    // 2026-11-23 00:30 in Shanghai is still 2026-11-22 16:30 UTC: the 23rd is already today there.
    [InlineData("2026-11-22T16:30:00Z", "2026-11-23", true)]
    [InlineData("2026-11-22T15:30:00Z", "2026-11-23", false)]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01", true)]
    [InlineData("2026-11-23T02:00:00Z", "1999-12-31", false)]
    public void An_activity_cannot_lie_after_today_in_Shanghai_or_before_2000(string now, string occurredOn, bool valid) =>
        Validator(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)).Validate(Request(occurredOn)).IsValid.ShouldBe(valid);

    [Fact]
    public void A_due_date_needs_a_next_step_and_duplicates_are_refused()
    {
        var result = Validator(Now).Validate(Request("2026-11-20") with
        {
            NextStepDue = new DateOnly(2026, 11, 19), ParticipantIds = [5, 5], KeyPersonIds = [3, 3],
        });
        result.Errors.Select(e => e.PropertyName.ToLowerInvariant()).Distinct()
            .ShouldBe(["nextstep", "nextstepdue", "participantids", "keypersonids"], ignoreOrder: true);
    }
}
