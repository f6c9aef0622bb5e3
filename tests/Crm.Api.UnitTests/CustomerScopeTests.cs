using Crm.Api.Domain.Access;

namespace Crm.Api.UnitTests;

public sealed class CustomerScopeTests
{
    private const long Me = 100;
    private static readonly long[] MySubtree = [5, 6, 7];

    private const long MyUnit = 5;

    [Fact]
    public void All_scope_reaches_every_customer()
    {
        var scope = CustomerScope.For(Me, DataScope.All, MyUnit, MySubtree);

        scope.Kind.ShouldBe(ScopeKind.All);
        scope.StaffId.ShouldBe(Me);
        scope.Allows(owningUnitId: 999, serviceUnitId: null, ownerId: 1, coServerIds: []).ShouldBeTrue();
    }

    [Fact]
    public void Unit_subtree_scope_lists_the_whole_subtree_and_unit_scope_only_the_own_unit()
    {
        CustomerScope.For(Me, DataScope.UnitSubtree, MyUnit, MySubtree).UnitIds.ShouldBe(MySubtree);
        var unit = CustomerScope.For(Me, DataScope.Unit, MyUnit, MySubtree);
        unit.Kind.ShouldBe(ScopeKind.Units);
        unit.UnitIds.ShouldBe([MyUnit]);
        unit.Allows(owningUnitId: 6, serviceUnitId: null, ownerId: 1, coServerIds: []).ShouldBeFalse();
    }

    [Fact]
    public void Own_scope_has_no_units_and_a_permission_not_held_reaches_nothing()
    {
        var own = CustomerScope.For(Me, DataScope.Own, MyUnit, MySubtree);
        own.Kind.ShouldBe(ScopeKind.Own);
        own.UnitIds.ShouldBeEmpty();

        var none = CustomerScope.For(Me, null, MyUnit, MySubtree);
        none.Kind.ShouldBe(ScopeKind.None);
        none.Allows(owningUnitId: MyUnit, serviceUnitId: null, ownerId: Me, coServerIds: [Me]).ShouldBeFalse();
    }

    private static CustomerScope Own => CustomerScope.For(Me, DataScope.Own, MyUnit, MySubtree);
    private static CustomerScope Subtree => CustomerScope.For(Me, DataScope.UnitSubtree, MyUnit, MySubtree);

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
