using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Kpi;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

/// <param name="Page">1-based page of the entries, ordered by unit, person, rule and id; <paramref name="PageSize"/> at most 100.</param>
public sealed record GetKpiLedgerQuery(string Month, long? UnitId, long? StaffId, string? Rule, KpiEntryKind? Kind, int Page = 1,
    int PageSize = PageLimits.DefaultPageSize) : IPageRequest, IQuery<Result<KpiLedgerDto>>;

public sealed class GetKpiLedgerValidator : AbstractValidator<GetKpiLedgerQuery>
{
    public GetKpiLedgerValidator()
    {
        Include(new PageRequestRules<GetKpiLedgerQuery>(capped: true));
    }
}

/// <summary>A month's period and one page of its ledger entries within the caller's kpi.manage reach, by unit, person and rule.</summary>
public sealed class GetKpiLedgerHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetKpiLedgerQuery, Result<KpiLedgerDto>>
{
    public async ValueTask<Result<KpiLedgerDto>> Handle(GetKpiLedgerQuery query, CancellationToken ct)
    {
        var found = await KpiLedger.FindAsync(db, users.User, query.Month, ct);
        if (found.Error is { } error)
            return error;
        var (period, reach) = found.Value!;
        var entries = KpiLedger.Entries(db, period, reach, query.UnitId, query.StaffId, query.Rule, query.Kind);
        var counted = await entries.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await entries.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new KpiLedgerDto(await KpiAccess.ToDtoAsync(db, period, reach, ct),
            new Paged<KpiEntryDto>(await KpiAccess.ToDtosAsync(db, page, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
                counted > PageLimits.CountCap));
    }
}

/// <summary>The ledger of a month as the JSON pages and the downloads both read it.</summary>
internal static class KpiLedger
{
    public static async Task<Result<(KpiPeriod Period, CustomerScope Reach)>> FindAsync(CrmDbContext db, CurrentUser user, string month, CancellationToken ct)
    {
        if (KpiAccess.CheckMayManage(user) is { } refused)
            return refused;
        if (!KpiAccess.TryMonth(month, out var first))
            return KpiAccess.BadMonth();
        var period = await db.KpiPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Month == first, ct);
        if (period is null)
            return Error.NotFound("考核期间");
        return (period, KpiAccess.Reach(user));
    }

    /// <summary>The period's entries the reach covers, filtered, in the ledger's order (unit, person, rule, id).</summary>
    public static IQueryable<KpiEntry> Entries(CrmDbContext db, KpiPeriod period, CustomerScope reach, long? unitId, long? staffId, string? rule,
        KpiEntryKind? kind)
    {
        var entries = db.KpiEntries.AsNoTracking().Where(e => e.PeriodId == period.Id).Within(reach);
        if (unitId is { } unit)
            entries = entries.Where(e => e.UnitId == unit);
        if (staffId is { } staff)
            entries = entries.Where(e => e.StaffId == staff);
        if (rule is not null)
            entries = entries.Where(e => e.Rule == rule);
        if (kind is { } k)
            entries = entries.Where(e => e.Kind == k);
        return entries.OrderBy(e => e.UnitId).ThenBy(e => e.StaffId).ThenBy(e => e.Rule).ThenBy(e => e.Id);
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
        return await KpiAccess.ToDtosAsync(db, list, KpiAccess.Reach(users.User), ct);
    }
}
