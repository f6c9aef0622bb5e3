namespace Crm.Api.Domain.Access;

/// <summary>A named set of permissions, each with a data scope. People hold one or more roles.</summary>
public sealed class Role
{
    private readonly List<RolePermission> _permissions = [];

    private Role() { }

    public Role(string code, string name, string? description, bool isBuiltIn, IEnumerable<PermissionGrant> grants)
    {
        Code = code;
        Name = name;
        Description = description;
        IsBuiltIn = isBuiltIn;
        Version = 1;
        ReplaceGrants(grants);
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>Shipped with the product (DOMAIN.md §4); can be changed but not deleted.</summary>
    public bool IsBuiltIn { get; private set; }

    public int Version { get; private set; }
    public IReadOnlyCollection<RolePermission> Permissions => _permissions;

    public IReadOnlyList<PermissionGrant> Grants => _permissions.Select(p => new PermissionGrant(p.Permission, p.Scope)).ToList();

    public void Update(string name, string? description, IEnumerable<PermissionGrant> grants)
    {
        Name = name;
        Description = description;
        ReplaceGrants(grants);
        Version++;
    }

    private void ReplaceGrants(IEnumerable<PermissionGrant> grants)
    {
        var wanted = DefaultRoles.Effective(grants);
        _permissions.RemoveAll(p => !wanted.TryGetValue(p.Permission, out var scope) || scope != p.Scope);
        foreach (var (permission, scope) in wanted)
            if (!_permissions.Any(p => p.Permission == permission))
                _permissions.Add(new RolePermission(permission, scope));
    }
}

public sealed class RolePermission
{
    private RolePermission() { }

    public RolePermission(string permission, DataScope scope)
    {
        Permission = permission;
        Scope = scope;
    }

    public long RoleId { get; private set; }
    public string Permission { get; private set; } = "";
    public DataScope Scope { get; private set; }
}

public sealed class StaffRole
{
    private StaffRole() { }

    public StaffRole(long staffId, long roleId)
    {
        StaffId = staffId;
        RoleId = roleId;
    }

    public long StaffId { get; private set; }
    public long RoleId { get; private set; }
}

/// <summary>
/// One row whose version moves with every change to roles, staff or the organisation. Each request compares it,
/// so a change made through any API instance applies to everyone's next request.
/// </summary>
public sealed class AccessStamp
{
    public const long SingletonId = 1;

    private AccessStamp() { }

    public long Id { get; private set; } = SingletonId;
    public long Version { get; private set; }
}
