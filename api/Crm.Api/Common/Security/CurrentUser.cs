using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;

namespace Crm.Api.Common.Security;

/// <summary>The caller as the database knows them on this request: standing, positions, permissions, scope.</summary>
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
    IReadOnlySet<string> Permissions,
    CustomerScope CustomerScope)
{
    public bool Has(string permission) => Permissions.Contains(permission);
}

/// <summary>Holds the caller of the current scope; set once the bearer token has been validated.</summary>
public sealed class UserContext
{
    private CurrentUser? _user;

    public CurrentUser User => _user ?? throw new InvalidOperationException("No authenticated user in this scope.");

    public bool IsAuthenticated => _user is not null;

    public void Set(CurrentUser user) => _user = user;
}
