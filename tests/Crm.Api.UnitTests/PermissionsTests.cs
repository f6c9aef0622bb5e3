using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

public sealed class PermissionsTests
{
    [Fact]
    public void An_account_manager_in_a_sales_unit_can_write_but_not_archive_assign_or_administer()
    {
        var granted = Permissions.DefaultFor(Positions.AccountManager, OrgUnitKind.Sales);

        granted.ShouldBe([Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.OrgRead], ignoreOrder: true);
        granted.ShouldNotContain(Permissions.CustomersArchive);
        granted.ShouldNotContain(Permissions.CustomersAssign);
    }

    [Fact]
    public void An_administrator_has_every_permission_including_admin_org_and_admin_users()
    {
        var granted = Permissions.DefaultFor(Positions.Administrator, OrgUnitKind.Functional);

        granted.ShouldContain(Permissions.AdminOrg);
        granted.ShouldContain(Permissions.AdminUsers);
        granted.ShouldBe(Permissions.All, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Positions.GeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.DeputyGeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.UnitManager, OrgUnitKind.Sales)]
    [InlineData(Positions.DeputyManager, OrgUnitKind.Service)]
    [InlineData(Positions.None, OrgUnitKind.CustomerManagement)]
    public void Leaders_managers_and_the_customer_management_department_can_write_archive_and_assign_but_not_administer(
        Positions positions, OrgUnitKind kind)
    {
        var granted = Permissions.DefaultFor(positions, kind);

        granted.ShouldBe(
            [Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.CustomersArchive, Permissions.CustomersAssign, Permissions.OrgRead],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData(Positions.CustomerService, OrgUnitKind.Service)]
    [InlineData(Positions.None, OrgUnitKind.Sales)]
    public void Staff_without_a_writing_position_only_read(Positions positions, OrgUnitKind kind) =>
        Permissions.DefaultFor(positions, kind).ShouldBe([Permissions.CustomersRead, Permissions.OrgRead], ignoreOrder: true);

    [Fact]
    public void Everyone_can_read_customers_and_the_org_tree()
    {
        foreach (var position in Enum.GetValues<Positions>())
        foreach (var kind in Enum.GetValues<OrgUnitKind>())
        {
            var granted = Permissions.DefaultFor(position, kind);
            granted.ShouldContain(Permissions.CustomersRead, $"{position} in {kind}");
            granted.ShouldContain(Permissions.OrgRead, $"{position} in {kind}");
        }
    }

    [Fact]
    public void Only_administrators_get_admin_permissions()
    {
        foreach (var position in Enum.GetValues<Positions>().Where(p => p != Positions.Administrator))
        foreach (var kind in Enum.GetValues<OrgUnitKind>())
        {
            var granted = Permissions.DefaultFor(position, kind);
            granted.ShouldNotContain(Permissions.AdminOrg, $"{position} in {kind}");
            granted.ShouldNotContain(Permissions.AdminUsers, $"{position} in {kind}");
        }
    }

    [Fact]
    public void Defaults_only_grant_permissions_from_the_catalogue()
    {
        foreach (var position in Enum.GetValues<Positions>())
        foreach (var kind in Enum.GetValues<OrgUnitKind>())
            Permissions.DefaultFor(position, kind).ShouldAllBe(p => Permissions.All.Contains(p));
    }
}
