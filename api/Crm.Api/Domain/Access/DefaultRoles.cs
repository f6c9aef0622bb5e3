using Crm.Api.Domain.Org;

namespace Crm.Api.Domain.Access;

/// <summary>How far a permission reaches over customers.</summary>
public enum DataScope
{
    /// <summary>Customers the person owns or co-serves.</summary>
    Own = 0,

    /// <summary>Customers owned or served by the person's own unit (and their own).</summary>
    Unit = 1,

    /// <summary>Customers owned or served by the person's unit or any unit below it (and their own).</summary>
    UnitSubtree = 2,

    /// <summary>Every customer.</summary>
    All = 3,
}

public sealed record PermissionGrant(string Permission, DataScope Scope);

public sealed record RoleDefinition(string Code, string Name, string Description, IReadOnlyList<PermissionGrant> Grants);

/// <summary>
/// The built-in roles: DOMAIN.md §4 as a role matrix. Company leaders and the customer-management department read
/// every archive; a unit's (or service unit's) management reads its unit's sub-tree; account managers and service
/// staff read what they own or co-serve. Administrators can change all of this at run time.
/// </summary>
public static class DefaultRoles
{
    public const string Employee = "employee";
    public const string Leadership = "leadership";
    public const string CustomerManagement = "customer-management";
    public const string UnitManager = "unit-manager";
    public const string AccountManager = "account-manager";
    public const string CustomerService = "customer-service";
    public const string Administrator = "administrator";

    private static PermissionGrant[] Grant(DataScope scope, params string[] permissions) =>
        permissions.Select(p => new PermissionGrant(p, scope)).ToArray();

    public static IReadOnlyList<RoleDefinition> All { get; } =
    [
        new(Employee, "员工", "每位员工的基础权限：查看组织架构、查阅自己负责或协同服务的客户。",
            [..Grant(DataScope.All, Permissions.OrgRead), ..Grant(DataScope.Own, Permissions.CustomersRead)]),
        new(Leadership, "公司领导", "总经理、副总经理：查阅全部客户档案，审批跨部门查阅申请。",
            [..Grant(DataScope.All, Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.CustomersArchive, Permissions.CustomersAssign,
                Permissions.CustomersExport, Permissions.CustomersReadSensitive, Permissions.CustomersHandover, Permissions.AccessApprove,
                Permissions.AccessAuditLog, Permissions.ClassificationApprove, Permissions.ClassificationOverride, Permissions.KpiManage, Permissions.ComplaintsManage,
                Permissions.ActivitiesWrite, Permissions.ActivitiesManage)]),
        new(CustomerManagement, "客户管理部门", "市场部（客户管理归口部门）：管理全部客户档案、评级和期限。",
            [..Grant(DataScope.All, Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.CustomersArchive, Permissions.CustomersAssign,
                Permissions.CustomersExport, Permissions.CustomersReadSensitive, Permissions.CustomersHandover, Permissions.AccessAuditLog,
                Permissions.ClassificationRun, Permissions.ClassificationApprove, Permissions.ClassificationSchemes, Permissions.ClassificationOverride,
                Permissions.DeadlinesManage, Permissions.KpiManage, Permissions.ComplaintsManage, Permissions.ActivitiesWrite, Permissions.ActivitiesManage)]),
        new(UnitManager, "部门经理", "部门（或服务单位）领导：管理本部门及下级单元的客户，审批本部门人员的查阅申请。",
            [..Grant(DataScope.UnitSubtree, Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.CustomersArchive,
                Permissions.CustomersAssign, Permissions.CustomersExport, Permissions.CustomersReadSensitive, Permissions.CustomersHandover,
                Permissions.AccessApprove, Permissions.ClassificationOverride, Permissions.ComplaintsManage, Permissions.ActivitiesWrite, Permissions.ActivitiesManage)]),
        new(AccountManager, "客户经理", "客户经理、业务员：登记和维护自己负责或协同服务的客户。",
            [..Grant(DataScope.Own, Permissions.CustomersRead, Permissions.CustomersWrite, Permissions.CustomersReadSensitive,
                Permissions.ActivitiesWrite)]),
        new(CustomerService, "客服人员", "客户服务人员：查阅自己协同服务的客户，登记跟进记录。",
            [..Grant(DataScope.Own, Permissions.CustomersRead, Permissions.ActivitiesWrite)]),
        new(Administrator, "系统管理员", "管理角色权限、人员账号、组织架构、工作日历和第三方系统接入。",
            [..Grant(DataScope.All, Permissions.AdminRoles, Permissions.AdminUsers, Permissions.AdminOrg, Permissions.AdminCalendar,
                Permissions.IntegrationClients, Permissions.IntegrationWebhooks, Permissions.CustomersRead, Permissions.AccessAuditLog)]),
    ];

    /// <summary>The roles a person gets by default from their positions and unit.</summary>
    public static IReadOnlyList<string> For(Positions positions, OrgUnitKind unitKind)
    {
        var roles = new List<string> { Employee };
        if ((positions & (Positions.GeneralManager | Positions.DeputyGeneralManager)) != 0)
            roles.Add(Leadership);
        if (unitKind == OrgUnitKind.CustomerManagement)
            roles.Add(CustomerManagement);
        if ((positions & (Positions.UnitManager | Positions.DeputyManager)) != 0)
            roles.Add(UnitManager);
        if ((positions & Positions.AccountManager) != 0)
            roles.Add(AccountManager);
        if ((positions & Positions.CustomerService) != 0)
            roles.Add(CustomerService);
        if ((positions & Positions.Administrator) != 0)
            roles.Add(Administrator);
        return roles;
    }

    /// <summary>The widest scope each permission is held with across the given grants.</summary>
    public static IReadOnlyDictionary<string, DataScope> Effective(IEnumerable<PermissionGrant> grants) =>
        grants.GroupBy(g => g.Permission).ToDictionary(g => g.Key, g => g.Max(x => x.Scope));
}
