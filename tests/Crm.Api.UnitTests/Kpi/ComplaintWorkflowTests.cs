using Crm.Api.Domain.Complaints;

namespace Crm.Api.UnitTests.Kpi;

public class ComplaintWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Complaint Received() => new(1, 2, Today, "破损", "到货破损", DateTimeOffset.UnixEpoch, 7);

    private static ComplaintRefusal? Move(Complaint c, ComplaintStatus to, ComplaintStep? step = null) =>
        c.MoveTo(to, step ?? new ComplaintStep(), Today, DateTimeOffset.UnixEpoch, 7);

    private static readonly ComplaintStep Substantiated = new(Substantiated: true, ResponsibleUnitId: 5, Finding: "包装不合格");

    [Fact]
    public void A_substantiated_complaint_goes_received_investigating_rework_replied_archived_with_a_reviewed_corrective_action()
    {
        var c = Received();
        Move(c, ComplaintStatus.Investigating).ShouldBeNull();
        Move(c, ComplaintStatus.Rework, Substantiated).ShouldBeNull();
        Move(c, ComplaintStatus.Replied, new ComplaintStep(CorrectiveAction: "更换包装供应商")).ShouldBeNull();
        Move(c, ComplaintStatus.Archived).ShouldBe(ComplaintRefusal.ReviewRequired);
        Move(c, ComplaintStatus.Archived, new ComplaintStep(Review: "已复查")).ShouldBeNull();

        (c.Status, c.Substantiated, c.ResponsibleUnitId, c.CountsAgainstUnit, c.ArchivedOn).ShouldBe((ComplaintStatus.Archived, true, 5L, 5L, Today));
        c.Transitions.Select(t => t.To).ShouldBe([ComplaintStatus.Received, ComplaintStatus.Investigating, ComplaintStatus.Rework,
            ComplaintStatus.Replied, ComplaintStatus.Archived]);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Replied)]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Archived)]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Rework)]
    public void Skipping_the_investigation_is_an_illegal_transition_and_changes_nothing(ComplaintStatus from, ComplaintStatus to)
    {
        var c = Received();
        c.Status.ShouldBe(from);
        Move(c, to).ShouldBe(ComplaintRefusal.IllegalTransition);
        (c.Status, c.Transitions.Count, c.Version).ShouldBe((from, 1, 1));
    }

    [Fact]
    public void An_archived_complaint_allows_no_further_step()
    {
        var c = Received();
        Move(c, ComplaintStatus.Investigating);
        Move(c, ComplaintStatus.Replied, new ComplaintStep(Substantiated: false, Finding: "非质量问题，已向客户解释"));
        Move(c, ComplaintStatus.Archived).ShouldBeNull();
        Complaint.Allowed(ComplaintStatus.Archived).ShouldBeEmpty();
        Move(c, ComplaintStatus.Investigating).ShouldBe(ComplaintRefusal.IllegalTransition);
        c.CountsAgainstUnit.ShouldBeNull();
    }

    [Fact]
    public void A_dissatisfied_customer_sends_the_complaint_back_to_investigation_and_counts_a_round()
    {
        var c = Received();
        Move(c, ComplaintStatus.Investigating);
        Move(c, ComplaintStatus.Replied, Substantiated).ShouldBeNull();
        Move(c, ComplaintStatus.Investigating, new ComplaintStep(Note: "客户不满意")).ShouldBeNull();
        (c.Status, c.Rounds).ShouldBe((ComplaintStatus.Investigating, 1));
        // The earlier finding stands unless the new round changes it.
        Move(c, ComplaintStatus.Replied).ShouldBeNull();
        c.ResponsibleUnitId.ShouldBe(5);
    }

    [Fact]
    public void Leaving_the_investigation_needs_a_finding_and_a_substantiated_one_a_responsible_unit()
    {
        var c = Received();
        Move(c, ComplaintStatus.Investigating);
        Move(c, ComplaintStatus.Replied).ShouldBe(ComplaintRefusal.FindingRequired);
        Move(c, ComplaintStatus.Replied, new ComplaintStep(Substantiated: true, Finding: "属实")).ShouldBe(ComplaintRefusal.ResponsibleUnitRequired);
        c.Status.ShouldBe(ComplaintStatus.Investigating);
    }

    [Fact]
    public void A_substantiated_complaint_cannot_be_archived_without_a_corrective_action()
    {
        var c = Received();
        Move(c, ComplaintStatus.Investigating);
        Move(c, ComplaintStatus.Replied, Substantiated);
        Move(c, ComplaintStatus.Archived, new ComplaintStep(Review: "已复查")).ShouldBe(ComplaintRefusal.CorrectiveActionRequired);
    }
}
