using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.Common.Security;

/// <summary>The caller as the database knows them on this request: standing, roles, permissions with their scopes.</summary>
public sealed record CurrentUser(
    long StaffId,
    string Username,
    string DisplayName,
    string SecurityStamp,
    bool IsActive,
    long UnitId,
    string UnitName,
    OrgUnitKind UnitKind,
    Positions Positions,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, DataScope> Permissions,
    IReadOnlyList<long> SubtreeUnitIds)
{
    public bool Has(string permission) => Permissions.ContainsKey(permission);

    /// <summary>The customers a permission reaches for this person (<see cref="ScopeKind.None"/> when not held).</summary>
    public CustomerScope ScopeFor(string permission) =>
        CustomerScope.For(StaffId, Permissions.TryGetValue(permission, out var scope) ? scope : null, UnitId, SubtreeUnitIds);

    /// <summary>Which customers this person may read.</summary>
    public CustomerScope CustomerScope => _customerScope ??= ScopeFor(Domain.Access.Permissions.CustomersRead);

    private CustomerScope? _customerScope;
}

/// <summary>Holds the caller of the current scope; set once the bearer token has been validated.</summary>
public sealed class UserContext
{
    private CurrentUser? _user;

    public CurrentUser User => _user ?? throw new InvalidOperationException("No authenticated user in this scope.");

    public bool IsAuthenticated => _user is not null;

    public void Set(CurrentUser user) => _user = user;
}
