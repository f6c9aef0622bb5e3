using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record GetRoleQuery(long Id) : IQuery<Result<RoleDto>>;

public sealed class GetRoleHandler(CrmDbContext db) : IQueryHandler<GetRoleQuery, Result<RoleDto>>
{
    public async ValueTask<Result<RoleDto>> Handle(GetRoleQuery query, CancellationToken ct) =>
        await RoleReader.ReadAsync(db, query.Id, ct) is { } role ? role : Error.NotFound("角色");
}

internal static class RoleReader
{
    public static Task<RoleDto?> ReadAsync(CrmDbContext db, long id, CancellationToken ct) =>
        db.Roles.AsNoTracking().Where(r => r.Id == id).ToDtos(db).SingleOrDefaultAsync(ct);
}
