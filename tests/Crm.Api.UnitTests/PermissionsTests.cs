using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

/// <summary>The default role matrix reproduces DOMAIN.md §4.</summary>
public class PermissionsTests
{
    private static IReadOnlyDictionary<string, DataScope> EffectiveFor(Positions positions, OrgUnitKind kind)
    {
        var codes = DefaultRoles.For(positions, kind);
        return DefaultRoles.Effective(DefaultRoles.All.Where(r => codes.Contains(r.Code)).SelectMany(r => r.Grants));
    }

    [Theory]
    [InlineData(Positions.GeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.DeputyGeneralManager, OrgUnitKind.Company)]
    [InlineData(Positions.None, OrgUnitKind.CustomerManagement)]
    [InlineData(Positions.Administrator, OrgUnitKind.Functional)]
    public void Leaders_the_customer_management_department_and_administrators_read_every_archive(Positions positions, OrgUnitKind kind) =>
        EffectiveFor(positions, kind)[Permissions.CustomersRead].ShouldBe(DataScope.All);

    [Theory]
    [InlineData(Positions.UnitManager, OrgUnitKind.Sales)]
    [InlineData(Positions.DeputyManager, OrgUnitKind.Sales)]
    [InlineData(Positions.UnitManager, OrgUnitKind.Service)]
    public void A_units_management_reads_and_approves_within_its_sub_tree(Positions positions, OrgUnitKind kind)
    {
        var effective = EffectiveFor(positions, kind);
        effective[Permissions.CustomersRead].ShouldBe(DataScope.UnitSubtree);
        effective[Permissions.AccessApprove].ShouldBe(DataScope.UnitSubtree);
        effective[Permissions.CustomersArchive].ShouldBe(DataScope.UnitSubtree);
        effective.Keys.ShouldNotContain(Permissions.AdminRoles);
    }

    [Fact]
    public void An_account_manager_reads_and_writes_own_customers_but_cannot_archive_export_or_approve()
    {
        var effective = EffectiveFor(Positions.AccountManager, OrgUnitKind.Sales);

        effective[Permissions.CustomersRead].ShouldBe(DataScope.Own);
        effective[Permissions.CustomersWrite].ShouldBe(DataScope.Own);
        effective[Permissions.CustomersReadSensitive].ShouldBe(DataScope.Own);
        effective.Keys.ShouldNotContain(Permissions.CustomersArchive);
        effective.Keys.ShouldNotContain(Permissions.CustomersExport);
        effective.Keys.ShouldNotContain(Permissions.AccessApprove);
    }

    [Fact]
    public void Only_leaders_approve_across_units()
    {
        EffectiveFor(Positions.GeneralManager, OrgUnitKind.Company)[Permissions.AccessApprove].ShouldBe(DataScope.All);
        EffectiveFor(Positions.None, OrgUnitKind.CustomerManagement).Keys.ShouldNotContain(Permissions.AccessApprove);
    }

    [Fact]
    public void An_administrator_administers_roles_users_org_and_calendar_but_cannot_read_sensitive_facts()
    {
        var effective = EffectiveFor(Positions.Administrator, OrgUnitKind.Functional);

        effective.Keys.ShouldContain(Permissions.AdminRoles);
        effective.Keys.ShouldContain(Permissions.AdminUsers);
        effective.Keys.ShouldContain(Permissions.AdminOrg);
        effective.Keys.ShouldContain(Permissions.AdminCalendar);
        effective.Keys.ShouldNotContain(Permissions.CustomersReadSensitive);
    }

    [Fact]
    public void Those_who_serve_customers_record_activities_and_their_managers_may_change_anyones()
    {
        EffectiveFor(Positions.AccountManager, OrgUnitKind.Sales)[Permissions.ActivitiesWrite].ShouldBe(DataScope.Own);
        EffectiveFor(Positions.AccountManager, OrgUnitKind.Sales).Keys.ShouldNotContain(Permissions.ActivitiesManage);
        EffectiveFor(Positions.CustomerService, OrgUnitKind.Service)[Permissions.ActivitiesWrite].ShouldBe(DataScope.Own);
        var manager = EffectiveFor(Positions.UnitManager, OrgUnitKind.Sales);
        (manager[Permissions.ActivitiesWrite], manager[Permissions.ActivitiesManage]).ShouldBe((DataScope.UnitSubtree, DataScope.UnitSubtree));
        EffectiveFor(Positions.None, OrgUnitKind.CustomerManagement)[Permissions.ActivitiesManage].ShouldBe(DataScope.All);
        EffectiveFor(Positions.GeneralManager, OrgUnitKind.Company)[Permissions.ActivitiesManage].ShouldBe(DataScope.All);
        EffectiveFor(Positions.Administrator, OrgUnitKind.Functional).Keys.ShouldNotContain(Permissions.ActivitiesWrite);
    }

    [Fact]
    public void Everyone_has_the_employee_role_and_so_reads_the_organisation()
    {
        foreach (var position in Enum.GetValues<Positions>())
        {
            DefaultRoles.For(position, OrgUnitKind.Sales).ShouldContain(DefaultRoles.Employee);
            EffectiveFor(position, OrgUnitKind.Sales).Keys.ShouldContain(Permissions.OrgRead);
        }
    }

    [Fact]
    public void The_widest_scope_wins_when_roles_overlap()
    {
        var effective = DefaultRoles.Effective([new(Permissions.CustomersRead, DataScope.Own), new(Permissions.CustomersRead, DataScope.UnitSubtree)]);

        effective[Permissions.CustomersRead].ShouldBe(DataScope.UnitSubtree);
    }

    [Fact]
    public void Every_default_grant_names_a_catalogued_permission()
    {
        DefaultRoles.All.SelectMany(r => r.Grants).ShouldAllBe(g => Permissions.IsKnown(g.Permission));
        DefaultRoles.All.Select(r => r.Code).ShouldBeUnique();
    }
}
