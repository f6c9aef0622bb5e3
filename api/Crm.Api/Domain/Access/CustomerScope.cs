using Crm.Api.Domain.Org;

namespace Crm.Api.Domain.Access;

public enum ScopeKind
{
    /// <summary>Customers the person owns or co-serves.</summary>
    Own,

    /// <summary>Customers of the person's unit and its sub-units (owning or serving), plus their own.</summary>
    UnitSubtree,

    /// <summary>Every customer.</summary>
    All,
}

/// <summary>Which customers a person may read (DOMAIN.md §4, first two bullets).</summary>
public sealed record CustomerScope(ScopeKind Kind, long StaffId, IReadOnlyList<long> UnitIds)
{
    /// <param name="subtreeUnitIds">The person's unit and all of its sub-units.</param>
    public static CustomerScope For(long staffId, Positions positions, OrgUnitKind unitKind, IReadOnlyList<long> subtreeUnitIds)
    {
        const Positions freeAccess = Positions.GeneralManager | Positions.DeputyGeneralManager | Positions.Administrator;
        if ((positions & freeAccess) != 0 || unitKind == OrgUnitKind.CustomerManagement)
            return new CustomerScope(ScopeKind.All, staffId, []);
        if ((positions & (Positions.UnitManager | Positions.DeputyManager)) != 0)
            return new CustomerScope(ScopeKind.UnitSubtree, staffId, subtreeUnitIds);
        return new CustomerScope(ScopeKind.Own, staffId, []);
    }

    /// <summary>The same rule in memory, for checks on a record already loaded.</summary>
    public bool Allows(long owningUnitId, long? serviceUnitId, long ownerId, IEnumerable<long> coServerIds) => Kind switch
    {
        ScopeKind.All => true,
        ScopeKind.UnitSubtree => UnitIds.Contains(owningUnitId) || (serviceUnitId is { } s && UnitIds.Contains(s))
                                 || ownerId == StaffId || coServerIds.Contains(StaffId),
        _ => ownerId == StaffId || coServerIds.Contains(StaffId),
    };
}
