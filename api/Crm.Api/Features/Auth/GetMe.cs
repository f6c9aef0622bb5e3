using Crm.Api.Common.Security;
using Crm.Api.Domain.Org;
using Mediator;

namespace Crm.Api.Features.Auth;

/// <summary>The signed-in person: unit, positions, effective permissions and customer scope.</summary>
public sealed record MeResponse(
    long Id,
    string Username,
    string DisplayName,
    long UnitId,
    string UnitName,
    OrgUnitKind UnitKind,
    IReadOnlyList<string> Positions,
    IReadOnlyList<string> Permissions,
    string CustomerScope);

public sealed record GetMeQuery : IQuery<MeResponse>;

public sealed class GetMeHandler(UserContext users) : IQueryHandler<GetMeQuery, MeResponse>
{
    public ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken ct)
    {
        var u = users.User;
        return ValueTask.FromResult(new MeResponse(u.StaffId, u.Username, u.DisplayName, u.UnitId, u.UnitName, u.UnitKind,
            u.Positions.ToNames(), u.Permissions.Order(StringComparer.Ordinal).ToList(), u.CustomerScope.Kind.ToString()));
    }
}
