using Crm.Api.Domain.Access;
using Mediator;

namespace Crm.Api.Features.Access;

public sealed record ListPermissionsQuery : IQuery<IReadOnlyList<PermissionDto>>;

public sealed class ListPermissionsHandler : IQueryHandler<ListPermissionsQuery, IReadOnlyList<PermissionDto>>
{
    public ValueTask<IReadOnlyList<PermissionDto>> Handle(ListPermissionsQuery query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<PermissionDto>>(Permissions.Catalogue.Select(p => new PermissionDto(p.Key, p.Value)).ToList());
}
