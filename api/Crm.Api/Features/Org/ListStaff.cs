using Crm.Api.Common.Paging;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Org;

/// <param name="UnitId">Only staff of this unit (and its sub-units when <paramref name="IncludeSubUnits"/>).</param>
/// <param name="Q">Part of the display name or user name.</param>
public sealed record ListStaffQuery(long? UnitId, bool IncludeSubUnits, string? Q, bool IncludeInactive, int Page, int PageSize) : IPageRequest, IQuery<Paged<StaffDto>>;

public sealed class ListStaffValidator : AbstractValidator<ListStaffQuery>
{
    public ListStaffValidator()
    {
        Include(new PageRequestRules<ListStaffQuery>(capped: false));
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

public sealed class ListStaffHandler(CrmDbContext db) : IQueryHandler<ListStaffQuery, Paged<StaffDto>>
{
    public async ValueTask<Paged<StaffDto>> Handle(ListStaffQuery query, CancellationToken ct)
    {
        var staff = db.Staff.AsNoTracking().Where(s => query.IncludeInactive || s.IsActive);
        if (query.UnitId is { } unitId)
        {
            if (query.IncludeSubUnits)
            {
                var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
                staff = staff.Where(s => s.Unit!.Path.StartsWith(path));
            }
            else
                staff = staff.Where(s => s.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            var lower = q.ToLowerInvariant();
            staff = staff.Where(s => s.DisplayName.Contains(q) || s.NormalizedUsername.Contains(lower));
        }
        var total = await staff.CountAsync(ct);
        var rows = await staff.OrderBy(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(s => new
            {
                s.Id, s.Username, s.DisplayName, s.UnitId, UnitName = s.Unit!.Name, s.Positions, s.Email, s.Phone, s.IsActive, s.Version,
                Roles = s.Roles.Join(db.Roles, sr => sr.RoleId, r => r.Id, (_, r) => r.Code).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(s => new StaffDto(s.Id, s.Username, s.DisplayName, s.UnitId, s.UnitName, OrgProjections.Split(s.Positions),
            s.Email, s.Phone, s.IsActive, s.Roles.Order(StringComparer.Ordinal).ToList(), s.Version)).ToList();
        return new Paged<StaffDto>(items, query.Page, query.PageSize, total, false);
    }
}
