using Crm.Api.Common.Security;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using Mediator;

namespace Crm.Api.Features.Auth;

/// <summary>The signed-in person: unit, positions, roles, effective permissions and how far each reaches.</summary>
/// <param name="PermissionScopes">Each held permission with its widest scope (Own, Unit, UnitSubtree, All).</param>
/// <param name="CustomerScope">The scope of customers.read, or None.</param>
public sealed record MeResponse(
    long Id,
    string Username,
    string DisplayName,
    long UnitId,
    string UnitName,
    OrgUnitKind UnitKind,
    IReadOnlyList<string> Positions,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    IReadOnlyDictionary<string, DataScope> PermissionScopes,
    string CustomerScope);

public sealed record GetMeQuery : IQuery<MeResponse>;

public sealed class GetMeHandler(UserContext users) : IQueryHandler<GetMeQuery, MeResponse>
{
    public ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken ct)
    {
        var u = users.User;
        var readScope = u.Permissions.TryGetValue(Domain.Access.Permissions.CustomersRead, out var scope) ? scope.ToString() : "None";
        return ValueTask.FromResult(new MeResponse(u.StaffId, u.Username, u.DisplayName, u.UnitId, u.UnitName, u.UnitKind,
            u.Positions.ToNames(), u.Roles, u.Permissions.Keys.Order(StringComparer.Ordinal).ToList(),
            u.Permissions, readScope));
    }
}
