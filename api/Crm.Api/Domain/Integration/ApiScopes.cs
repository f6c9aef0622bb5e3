using Crm.Api.Domain.Access;

namespace Crm.Api.Domain.Integration;

/// <summary>The OAuth scopes an API client can hold, and the permissions each one lends the client's acting identity.</summary>
public static class ApiScopes
{
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";
    public const string FactsWrite = "facts:write";
    public const string FilingsRead = "filings:read";
    public const string WebhooksManage = "webhooks:manage";
    public const string KpiManage = "kpi:manage";

    /// <summary>Scope → meaning (zh-CN) for administrators.</summary>
    public static IReadOnlyDictionary<string, string> Catalogue { get; } = new Dictionary<string, string>
    {
        [CustomersRead] = "读取客户档案（customers.read）",
        [CustomersWrite] = "登记和维护客户档案、关键人员（customers.write）",
        [FactsWrite] = "写入经营数据（目前等同 customers.write）",
        [FilingsRead] = "读取备案和变更报告期限（customers.read：期限随客户可见范围，故也能读取客户档案）",
        [WebhooksManage] = "管理事件订阅（integration.webhooks）；事件只涉及客户端可见的客户，故通常与 customers:read 同用",
        [KpiManage] = "月度考核台账：读取、导出、运行、关账、调整（kpi.manage；考核没有只读权限），限于客户端的数据范围；运行、关账和收到 kpi.period.closed 事件需要全公司范围",
    };

    // facts:write lends customers.write as a whole: the fact routes check that permission, and a narrower
    // per-route permission would have to be threaded through every write handler. Obligations are visible exactly
    // where their customer is, so filings:read needs customers.read.
    private static readonly IReadOnlyDictionary<string, string[]> PermissionMap = new Dictionary<string, string[]>
    {
        [CustomersRead] = [Permissions.CustomersRead],
        [CustomersWrite] = [Permissions.CustomersWrite],
        [FactsWrite] = [Permissions.CustomersWrite],
        [FilingsRead] = [Permissions.CustomersRead],
        [WebhooksManage] = [Permissions.IntegrationWebhooks],
        [KpiManage] = [Permissions.KpiManage],
    };

    public static bool IsKnown(string scope) => Catalogue.ContainsKey(scope);

    /// <summary>Splits an OAuth scope string (space-delimited, RFC 6749 §3.3) into distinct, ordered scopes.</summary>
    public static IReadOnlyList<string> Parse(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string Format(IEnumerable<string> scopes) => string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlySet<string> PermissionsFor(IEnumerable<string> scopes) =>
        scopes.Where(PermissionMap.ContainsKey).SelectMany(s => PermissionMap[s]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The role grants of a client: every permission its scopes lend, at the client's data scope.</summary>
    public static IReadOnlyList<PermissionGrant> GrantsFor(IEnumerable<string> scopes, DataScope dataScope) =>
        PermissionsFor(scopes).Order(StringComparer.Ordinal).Select(p => new PermissionGrant(p, dataScope)).ToList();
}
