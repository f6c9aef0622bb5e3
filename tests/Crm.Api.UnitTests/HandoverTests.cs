using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests;

public sealed class HandoverTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Owned_items_pass_from_the_leaver_to_the_successor_and_are_counted_apart_from_co_served_ones()
    {
        var handover = new Handover(fromStaffId: 7, toStaffId: 8, "  离职  ", disableLeaver: true, At, byStaffId: 3);

        handover.AddOwned(100, previousOwningUnitId: 3, newOwningUnitId: 4);
        handover.AddCoServed(101, owningUnitId: 3, ownerId: 9);

        handover.Reason.ShouldBe("离职");
        handover.CustomerCount.ShouldBe(1);
        handover.CoServedCount.ShouldBe(1);
        var owned = handover.Items.Single(i => i.Role == HandoverRole.Owner);
        (owned.PreviousOwnerId, owned.NewOwnerId, owned.PreviousOwningUnitId, owned.NewOwningUnitId).ShouldBe((7L, 8L, 3L, 4L));
        var coServed = handover.Items.Single(i => i.Role == HandoverRole.CoServer);
        (coServed.PreviousOwnerId, coServed.NewOwnerId).ShouldBe((9L, 9L));
    }

    [Fact]
    public void The_successor_cannot_be_the_leaver() =>
        Should.Throw<ArgumentException>(() => new Handover(7, 7, "离职", false, At, 3));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason) =>
        Should.Throw<ArgumentException>(() => new Handover(7, 8, reason, false, At, 3));

    [Fact]
    public void A_reason_longer_than_500_characters_is_refused() =>
        Should.Throw<ArgumentException>(() => new Handover(7, 8, new string('因', Handover.ReasonMaxLength + 1), false, At, 3));
}
