using Crm.Api.Domain.Org;

namespace Crm.Api.Domain.Access;

/// <summary>Why a request went to its approver.</summary>
public enum ApprovalRoute
{
    /// <summary>An archive of the requester's own unit: their unit manager (经部门经理批准).</summary>
    OwnUnit,

    /// <summary>An archive of another unit: the general manager (经总经理批准).</summary>
    OtherUnit,
}

/// <summary>Approver posts per route, in order of preference; the first post somebody active holds is used.
/// Empty lists mean the policy defaults (lists start empty because configuration binding appends to them).</summary>
public sealed class ApprovalRoutingOptions
{
    public static readonly IReadOnlyList<Positions> DefaultOwnUnitApprovers = [Positions.UnitManager, Positions.DeputyManager];
    public static readonly IReadOnlyList<Positions> DefaultOtherUnitApprovers = [Positions.GeneralManager, Positions.DeputyGeneralManager];

    public List<Positions> OwnUnitApprovers { get; set; } = [];
    public List<Positions> OtherUnitApprovers { get; set; } = [];

    public IReadOnlyList<Positions> OwnUnit => OwnUnitApprovers.Count > 0 ? OwnUnitApprovers : DefaultOwnUnitApprovers;
    public IReadOnlyList<Positions> OtherUnit => OtherUnitApprovers.Count > 0 ? OtherUnitApprovers : DefaultOtherUnitApprovers;
}

/// <summary>A candidate approver: a person, their unit's path and their positions.</summary>
public sealed record ApproverCandidate(long StaffId, long UnitId, string UnitPath, Positions Positions);

/// <summary>DOMAIN.md §4: own unit → the unit manager, another unit → the general manager, with fallbacks when a post is vacant.</summary>
public static class ApprovalRouting
{
    /// <summary>A unit's path and its ancestors' paths, nearest first: /1/3/7/ → /1/3/7/, /1/3/, /1/.</summary>
    public static IReadOnlyList<string> PathsUpward(string unitPath)
    {
        var ids = unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, ids.Length).Select(n => "/" + string.Join('/', ids.Take(n)) + "/").Reverse().ToList();
    }

    /// <param name="requesterUnitPath">Path of the requester's unit, e.g. /1/3/7/.</param>
    /// <param name="customerUnitPath">Path of the customer's owning unit.</param>
    /// <param name="unitPathsUpward">The requester's unit and its ancestors, nearest first (for a vacant unit manager post).</param>
    public static (ApprovalRoute Route, long? ApproverId) Route(long requesterId, string requesterUnitPath, string customerUnitPath,
        IReadOnlyList<string> unitPathsUpward, IReadOnlyCollection<ApproverCandidate> candidates, ApprovalRoutingOptions options)
    {
        var ownUnit = customerUnitPath.StartsWith(requesterUnitPath, StringComparison.Ordinal);
        var others = candidates.Where(c => c.StaffId != requesterId).ToList();
        if (ownUnit)
        {
            // The requester's unit first, then up the tree: a vacant post falls to the manager above.
            foreach (var path in unitPathsUpward)
                foreach (var post in options.OwnUnit)
                    if (others.FirstOrDefault(c => c.UnitPath == path && c.Positions.HasFlag(post)) is { } approver)
                        return (ApprovalRoute.OwnUnit, approver.StaffId);
        }
        foreach (var post in options.OtherUnit)
            if (others.OrderBy(c => c.StaffId).FirstOrDefault(c => c.Positions.HasFlag(post)) is { } approver)
                return (ownUnit ? ApprovalRoute.OwnUnit : ApprovalRoute.OtherUnit, approver.StaffId);
        return (ownUnit ? ApprovalRoute.OwnUnit : ApprovalRoute.OtherUnit, null);
    }
}
