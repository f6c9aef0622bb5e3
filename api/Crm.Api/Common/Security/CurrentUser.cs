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

    /// <summary>The person's unexpired, unrevoked grants as loaded with their standing.</summary>
    public IReadOnlyList<GrantWindow> GrantWindows { get; init; } = [];

    /// <summary>Access grants in force at this request: customer id → grant id.</summary>
    public IReadOnlyDictionary<long, long> ActiveGrants { get; init; } = new Dictionary<long, long>();

    /// <summary>Which customers this person may read: their role scope plus their active grants.</summary>
    public CustomerScope CustomerScope =>
        ScopeFor(Domain.Access.Permissions.CustomersRead) with { GrantedCustomerIds = ActiveGrants.Keys.ToList() };
}

/// <summary>An access grant's reach in time.</summary>
public sealed record GrantWindow(long CustomerId, long GrantId, DateTimeOffset StartsAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The grants in force at <paramref name="now"/>: customer id → grant id (the newest when several).</summary>
    public static IReadOnlyDictionary<long, long> ActiveAt(IEnumerable<GrantWindow> windows, DateTimeOffset now) =>
        windows.Where(g => g.StartsAt <= now && now < g.ExpiresAt).GroupBy(g => g.CustomerId).ToDictionary(g => g.Key, g => g.Max(x => x.GrantId));
}

/// <summary>Holds the caller of the current scope; set once the bearer token has been validated.</summary>
public sealed class UserContext
{
    private CurrentUser? _user;

    public CurrentUser User => _user ?? throw new InvalidOperationException("No authenticated user in this scope.");

    public bool IsAuthenticated => _user is not null;

    public void Set(CurrentUser user) => _user = user;
}
