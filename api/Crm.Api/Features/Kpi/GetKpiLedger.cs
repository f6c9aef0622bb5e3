using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Kpi;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

public sealed record GetKpiLedgerQuery(string Month, long? UnitId, long? StaffId, string? Rule, KpiEntryKind? Kind) : IQuery<Result<KpiLedgerDto>>;

/// <summary>A month's period and its ledger entries within the caller's kpi.manage reach, by unit, person and rule.</summary>
public sealed class GetKpiLedgerHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetKpiLedgerQuery, Result<KpiLedgerDto>>
{
    public async ValueTask<Result<KpiLedgerDto>> Handle(GetKpiLedgerQuery query, CancellationToken ct)
    {
        if (KpiAccess.CheckMayManage(users.User) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(query.Month, out var month))
            return KpiAccess.BadMonth();
        var period = await db.KpiPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Month == month, ct);
        if (period is null)
            return Error.NotFound("考核期间");
        var reach = KpiAccess.Reach(users.User);
        var entries = db.KpiEntries.AsNoTracking().Where(e => e.PeriodId == period.Id).Within(reach);
        if (query.UnitId is { } unitId)
            entries = entries.Where(e => e.UnitId == unitId);
        if (query.StaffId is { } staffId)
            entries = entries.Where(e => e.StaffId == staffId);
        if (query.Rule is { } rule)
            entries = entries.Where(e => e.Rule == rule);
        if (query.Kind is { } kind)
            entries = entries.Where(e => e.Kind == kind);
        var list = await entries.OrderBy(e => e.UnitId).ThenBy(e => e.StaffId).ThenBy(e => e.Rule).ThenBy(e => e.Id).ToListAsync(ct);
        return new KpiLedgerDto(await KpiAccess.ToDtoAsync(db, period, reach, ct), await KpiAccess.ToDtosAsync(db, list, ct));
    }
}

public sealed record ListKpiPeriodsQuery(int? Year) : IQuery<Result<IReadOnlyList<KpiPeriodDto>>>;

public sealed class ListKpiPeriodsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListKpiPeriodsQuery, Result<IReadOnlyList<KpiPeriodDto>>>
{
    public async ValueTask<Result<IReadOnlyList<KpiPeriodDto>>> Handle(ListKpiPeriodsQuery query, CancellationToken ct)
    {
        if (KpiAccess.CheckMayManage(users.User) is { } refused)
            return refused;
        var periods = db.KpiPeriods.AsNoTracking();
        if (query.Year is { } year)
            periods = periods.Where(p => p.Month >= new DateOnly(year, 1, 1) && p.Month <= new DateOnly(year, 12, 1));
        var list = await periods.OrderByDescending(p => p.Month).Take(120).ToListAsync(ct);
        var reach = KpiAccess.Reach(users.User);
        var dtos = new List<KpiPeriodDto>();
        foreach (var period in list)
            dtos.Add(await KpiAccess.ToDtoAsync(db, period, reach, ct));
        return dtos;
    }
}
