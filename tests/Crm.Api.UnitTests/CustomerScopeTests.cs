using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

public sealed class CustomerScopeTests
{
    private const long Me = 100;
    private static readonly long[] MySubtree = [5, 6, 7];

    [Theory]
    [InlineData(Positions.GeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.DeputyGeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.Administrator, OrgUnitKind.Functional)]
    [InlineData(Positions.AccountManager, OrgUnitKind.CustomerManagement)]
    [InlineData(Positions.CustomerService, OrgUnitKind.CustomerManagement)]
    [InlineData(Positions.None, OrgUnitKind.CustomerManagement)]
    [InlineData(Positions.UnitManager, OrgUnitKind.CustomerManagement)]
    [InlineData(Positions.AccountManager | Positions.DeputyGeneralManager, OrgUnitKind.Sales)]
    public void Leaders_administrators_and_the_customer_management_department_see_all(Positions positions, OrgUnitKind kind)
    {
        var scope = CustomerScope.For(Me, positions, kind, MySubtree);

        scope.Kind.ShouldBe(ScopeKind.All);
        scope.StaffId.ShouldBe(Me);
        scope.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: 1, coServerIds: []).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Positions.UnitManager)]
    [InlineData(Positions.DeputyManager)]
    [InlineData(Positions.UnitManager | Positions.AccountManager)]
    public void Unit_managers_and_deputies_see_their_unit_subtree(Positions positions)
    {
        var scope = CustomerScope.For(Me, positions, OrgUnitKind.Sales, MySubtree);

        scope.Kind.ShouldBe(ScopeKind.UnitSubtree);
        scope.UnitIds.ShouldBe(MySubtree);
    }

    [Theory]
    [InlineData(Positions.AccountManager)]
    [InlineData(Positions.CustomerService)]
    [InlineData(Positions.None)]
    public void Account_managers_and_other_staff_see_their_own(Positions positions)
    {
        var scope = CustomerScope.For(Me, positions, OrgUnitKind.Sales, MySubtree);

        scope.Kind.ShouldBe(ScopeKind.Own);
        scope.UnitIds.ShouldBeEmpty();
    }

    private static CustomerScope Own => CustomerScope.For(Me, Positions.AccountManager, OrgUnitKind.Sales, MySubtree);
    private static CustomerScope Subtree => CustomerScope.For(Me, Positions.UnitManager, OrgUnitKind.Sales, MySubtree);

    [Fact]
    public void Own_scope_allows_customers_the_person_owns_or_co_serves()
    {
        Own.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: Me, coServerIds: []).ShouldBeTrue();
        Own.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: 1, coServerIds: [2, Me]).ShouldBeTrue();
    }

    [Fact]
    public void Own_scope_refuses_customers_of_the_persons_unit_that_they_neither_own_nor_co_serve()
    {
        Own.Allows(owningUnitId: 5, serviceUnitId: 6, ownerId: 1, coServerIds: [2, 3]).ShouldBeFalse();
    }

    [Fact]
    public void Subtree_scope_allows_customers_owned_or_served_by_a_unit_in_the_subtree()
    {
        Subtree.Allows(owningUnitId: 7, serviceUnitId: null, ownerId: 1, coServerIds: []).ShouldBeTrue();
        Subtree.Allows(owningUnitId: 999, serviceUnitId: 6, ownerId: 1, coServerIds: []).ShouldBeTrue();
    }

    [Fact]
    public void Subtree_scope_also_allows_the_persons_own_and_co_served_customers()
    {
        Subtree.Allows(owningUnitId: 999, serviceUnitId: 998, ownerId: Me, coServerIds: []).ShouldBeTrue();
        Subtree.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: 1, coServerIds: [Me]).ShouldBeTrue();
    }

    [Fact]
    public void Subtree_scope_refuses_customers_of_other_units()
    {
        Subtree.Allows(owningUnitId: 999, serviceUnitId: 998, ownerId: 1, coServerIds: [2]).ShouldBeFalse();
        Subtree.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: 1, coServerIds: []).ShouldBeFalse();
    }
}
