using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

public sealed record GetStaffQuery(long Id) : IQuery<Result<StaffDto>>;

public sealed class GetStaffHandler(CrmDbContext db) : IQueryHandler<GetStaffQuery, Result<StaffDto>>
{
    public async ValueTask<Result<StaffDto>> Handle(GetStaffQuery query, CancellationToken ct) =>
        await StaffReader.ReadAsync(db, query.Id, ct) is { } dto ? dto : Error.NotFound("人员");
}

internal static class StaffReader
{
    public static async Task<StaffDto?> ReadAsync(CrmDbContext db, long id, CancellationToken ct)
    {
        var s = await db.Staff.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.Username, s.DisplayName, s.UnitId, UnitName = s.Unit!.Name, s.Positions, s.Email, s.Phone, s.IsActive, s.Version,
                Roles = s.Roles.Join(db.Roles, sr => sr.RoleId, r => r.Id, (_, r) => r.Code).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return s is null
            ? null
            : new StaffDto(s.Id, s.Username, s.DisplayName, s.UnitId, s.UnitName, OrgProjections.Split(s.Positions), s.Email, s.Phone, s.IsActive,
                s.Roles.Order(StringComparer.Ordinal).ToList(), s.Version);
    }
}
