using Crm.Api.Domain.Org;

namespace Crm.Api.Features.Org;

/// <summary>A unit of the organisation tree. <see cref="Path"/> lists the ids from the root, e.g. <c>/1/4/</c>.</summary>
public sealed record OrgUnitDto(long Id, string Name, string Code, OrgUnitKind Kind, long? ParentId, string Path, int Depth, bool IsActive, int Version);

public sealed record StaffDto(
    long Id,
    string Username,
    string DisplayName,
    long UnitId,
    string UnitName,
    IReadOnlyList<Positions> Positions,
    string? Email,
    string? Phone,
    bool IsActive,
    IReadOnlyList<string> Roles,
    int Version);

internal static class OrgProjections
{
    public static OrgUnitDto ToDto(this OrgUnit u) =>
        new(u.Id, u.Name, u.Code, u.Kind, u.ParentId, u.Path, u.Path.Count(ch => ch == '/') - 2, u.IsActive, u.Version);

    public static IReadOnlyList<Positions> Split(Positions positions) =>
        Enum.GetValues<Positions>().Where(p => p != Positions.None && positions.HasFlag(p)).ToList();
}
