using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

/// <summary>DOMAIN.md §4: own unit → the unit manager (经部门经理批准), another unit → the general manager (经总经理批准).</summary>
public class ApprovalRoutingTests
{
    private const string Company = "/1/";
    private const string East = "/1/3/";
    private const string EastSuzhou = "/1/3/9/";
    private const string South = "/1/4/";

    private static readonly ApproverCandidate Gm = new(1, 1, Company, Positions.GeneralManager);
    private static readonly ApproverCandidate Deputy = new(2, 1, Company, Positions.DeputyGeneralManager);
    private static readonly ApproverCandidate EastManager = new(3, 3, East, Positions.UnitManager);
    private static readonly ApproverCandidate EastDeputy = new(4, 3, East, Positions.DeputyManager);
    private static readonly ApproverCandidate SuzhouManager = new(5, 9, EastSuzhou, Positions.UnitManager);
    private const long Requester = 100;

    private static (ApprovalRoute, long?) Route(string requesterUnit, string customerUnit, params ApproverCandidate[] candidates) =>
        ApprovalRouting.Route(Requester, requesterUnit, customerUnit, Upward(requesterUnit), candidates, new ApprovalRoutingOptions());

    private static IReadOnlyList<string> Upward(string path) => ApprovalRouting.PathsUpward(path);

    [Fact]
    public void Paths_upward_list_the_unit_then_its_ancestors() =>
        ApprovalRouting.PathsUpward("/1/3/9/").ShouldBe(["/1/3/9/", "/1/3/", "/1/"]);

    [Fact]
    public void An_archive_of_the_own_unit_goes_to_the_unit_manager() =>
        Route(East, East, Gm, Deputy, EastManager, EastDeputy).ShouldBe((ApprovalRoute.OwnUnit, EastManager.StaffId));

    [Fact]
    public void An_archive_of_a_sub_unit_counts_as_the_own_unit() =>
        Route(East, EastSuzhou, Gm, EastManager).ShouldBe((ApprovalRoute.OwnUnit, EastManager.StaffId));

    [Fact]
    public void A_vacant_unit_manager_post_falls_to_the_deputy_manager() =>
        Route(East, East, Gm, EastDeputy).ShouldBe((ApprovalRoute.OwnUnit, EastDeputy.StaffId));

    [Fact]
    public void A_sub_unit_without_managers_falls_to_the_manager_above() =>
        Route(EastSuzhou, EastSuzhou, Gm, EastManager).ShouldBe((ApprovalRoute.OwnUnit, EastManager.StaffId));

    [Fact]
    public void A_sub_unit_manager_approves_for_their_own_sub_unit_first() =>
        Route(EastSuzhou, EastSuzhou, Gm, EastManager, SuzhouManager).ShouldBe((ApprovalRoute.OwnUnit, SuzhouManager.StaffId));

    [Fact]
    public void An_archive_of_another_unit_goes_to_the_general_manager() =>
        Route(East, South, Gm, Deputy, EastManager).ShouldBe((ApprovalRoute.OtherUnit, Gm.StaffId));

    [Fact]
    public void A_vacant_general_manager_post_falls_to_the_deputy() =>
        Route(East, South, Deputy, EastManager).ShouldBe((ApprovalRoute.OtherUnit, Deputy.StaffId));

    [Fact]
    public void Nobody_is_routed_their_own_request()
    {
        var requestingManager = EastManager with { StaffId = Requester };

        Route(East, East, Gm, requestingManager).ShouldBe((ApprovalRoute.OwnUnit, Gm.StaffId));
    }

    [Fact]
    public void Without_any_approver_the_route_has_none() =>
        Route(East, South).ShouldBe((ApprovalRoute.OtherUnit, (long?)null));

    [Fact]
    public void Configured_posts_replace_the_defaults()
    {
        var options = new ApprovalRoutingOptions { OtherUnitApprovers = [Positions.DeputyGeneralManager] };

        ApprovalRouting.Route(Requester, East, South, Upward(East), [Gm, Deputy], options).ShouldBe((ApprovalRoute.OtherUnit, Deputy.StaffId));
        new ApprovalRoutingOptions().OtherUnit.ShouldBe([Positions.GeneralManager, Positions.DeputyGeneralManager]);
    }
}
