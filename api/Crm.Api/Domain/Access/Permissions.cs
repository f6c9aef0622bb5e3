using Crm.Api.Domain.Org;

namespace Crm.Api.Domain.Access;

/// <summary>The permission catalogue. The role × permission matrix becomes administrable in the access issue;
/// until then the defaults below follow DOMAIN.md §4.</summary>
public static class Permissions
{
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string CustomersArchive = "customers.archive";
    public const string CustomersAssign = "customers.assign";
    public const string OrgRead = "org.read";
    public const string AdminOrg = "admin.org";
    public const string AdminUsers = "admin.users";

    public static IReadOnlyList<string> All { get; } =
        [CustomersRead, CustomersWrite, CustomersArchive, CustomersAssign, OrgRead, AdminOrg, AdminUsers];

    public static IReadOnlySet<string> DefaultFor(Positions positions, OrgUnitKind unitKind)
    {
        var granted = new HashSet<string> { CustomersRead, OrgRead };
        var leadership = (positions & (Positions.GeneralManager | Positions.DeputyGeneralManager)) != 0;
        var manager = (positions & (Positions.UnitManager | Positions.DeputyManager)) != 0;
        var customerManagement = unitKind == OrgUnitKind.CustomerManagement;
        var admin = (positions & Positions.Administrator) != 0;

        if (leadership || manager || customerManagement || admin || (positions & Positions.AccountManager) != 0)
            granted.Add(CustomersWrite);
        if (leadership || manager || customerManagement || admin)
        {
            granted.Add(CustomersArchive);
            granted.Add(CustomersAssign);
        }
        if (admin)
        {
            granted.Add(AdminOrg);
            granted.Add(AdminUsers);
        }
        return granted;
    }
}
