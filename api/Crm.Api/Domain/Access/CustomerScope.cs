namespace Crm.Api.Domain.Access;

public enum ScopeKind
{
    /// <summary>No customer at all (the permission is not held).</summary>
    None,

    /// <summary>Customers the person owns or co-serves.</summary>
    Own,

    /// <summary>Customers owned or served by the listed units, plus the person's own.</summary>
    Units,

    /// <summary>Every customer.</summary>
    All,
}

/// <summary>Which customers a permission reaches for one person (DOMAIN.md §4).</summary>
public sealed record CustomerScope(ScopeKind Kind, long StaffId, IReadOnlyList<long> UnitIds)
{
    /// <summary>Customers opened to this person by approved, unexpired access grants (read-only).</summary>
    public IReadOnlyList<long> GrantedCustomerIds { get; init; } = [];

    /// <param name="subtreeUnitIds">The person's unit and all of its sub-units.</param>
    public static CustomerScope For(long staffId, DataScope? scope, long unitId, IReadOnlyList<long> subtreeUnitIds) => scope switch
    {
        null => new CustomerScope(ScopeKind.None, staffId, []),
        DataScope.All => new CustomerScope(ScopeKind.All, staffId, []),
        DataScope.UnitSubtree => new CustomerScope(ScopeKind.Units, staffId, subtreeUnitIds),
        DataScope.Unit => new CustomerScope(ScopeKind.Units, staffId, [unitId]),
        _ => new CustomerScope(ScopeKind.Own, staffId, []),
    };

    /// <summary>The same rule in memory, for checks on a record already loaded.</summary>
    public bool Allows(long owningUnitId, long? serviceUnitId, long ownerId, IEnumerable<long> coServerIds) => Kind switch
    {
        ScopeKind.All => true,
        ScopeKind.None => false,
        ScopeKind.Units => UnitIds.Contains(owningUnitId) || (serviceUnitId is { } s && UnitIds.Contains(s))
                           || ownerId == StaffId || coServerIds.Contains(StaffId),
        _ => ownerId == StaffId || coServerIds.Contains(StaffId),
    };
}
