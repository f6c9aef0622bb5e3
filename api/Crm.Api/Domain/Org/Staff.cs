namespace Crm.Api.Domain.Org;

/// <summary>Positions a person can hold (DOMAIN.md §1); one person may hold several.</summary>
[Flags]
public enum Positions
{
    None = 0,
    GeneralManager = 1,
    DeputyGeneralManager = 2,
    UnitManager = 4,
    DeputyManager = 8,
    AccountManager = 16,
    CustomerService = 32,
    Administrator = 64,
}

public static class PositionNames
{
    public static IReadOnlyList<string> ToNames(this Positions positions) =>
        Enum.GetValues<Positions>().Where(p => p != Positions.None && positions.HasFlag(p)).Select(p => p.ToString()).ToList();

    public static Positions Combine(IEnumerable<Positions> positions) => positions.Aggregate(Positions.None, (all, p) => all | p);
}

public sealed class Staff
{
    private readonly List<Access.StaffRole> _roles = [];

    private Staff() { }

    public Staff(string username, string displayName, long unitId, Positions positions, string? email, string? phone)
    {
        Username = username;
        NormalizedUsername = Normalize(username);
        DisplayName = displayName;
        UnitId = unitId;
        Positions = positions;
        Email = email;
        Phone = phone;
        IsActive = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
        Version = 1;
    }

    public long Id { get; private set; }
    public string Username { get; private set; } = "";
    public string NormalizedUsername { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public long UnitId { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public Positions Positions { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public bool IsActive { get; private set; }

    /// <summary>Changes whenever credentials or standing change; tokens carrying an older stamp are refused.</summary>
    public string SecurityStamp { get; private set; } = "";

    public int Version { get; private set; }

    public IReadOnlyCollection<Access.StaffRole> Roles => _roles;

    /// <summary>Replaces the person's roles; returns whether anything changed.</summary>
    public bool AssignRoles(IReadOnlyCollection<long> roleIds)
    {
        var current = _roles.Select(r => r.RoleId).Order().ToList();
        var wanted = roleIds.Distinct().Order().ToList();
        if (current.SequenceEqual(wanted))
            return false;
        _roles.RemoveAll(r => !wanted.Contains(r.RoleId));
        foreach (var roleId in wanted.Except(current))
            _roles.Add(new Access.StaffRole(Id, roleId));
        Version++;
        return true;
    }

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public bool Holds(Positions position) => (Positions & position) != 0;

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = Guid.NewGuid().ToString("N");
        Version++;
    }

    public void Update(string displayName, long unitId, Positions positions, string? email, string? phone)
    {
        DisplayName = displayName;
        UnitId = unitId;
        Positions = positions;
        Email = email;
        Phone = phone;
        Version++;
    }

    public void Disable()
    {
        IsActive = false;
        SecurityStamp = Guid.NewGuid().ToString("N");
        Version++;
    }

    public void Enable()
    {
        IsActive = true;
        Version++;
    }
}
