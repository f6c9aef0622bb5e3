using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record ListRolesQuery : IQuery<IReadOnlyList<RoleDto>>;

/// <summary>Every role with its grants; readable by everyone signed in, so people can see what a role means.</summary>
public sealed class ListRolesHandler(CrmDbContext db) : IQueryHandler<ListRolesQuery, IReadOnlyList<RoleDto>>
{
    public async ValueTask<IReadOnlyList<RoleDto>> Handle(ListRolesQuery query, CancellationToken ct) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Id).ToDtos(db).ToListAsync(ct);
}
