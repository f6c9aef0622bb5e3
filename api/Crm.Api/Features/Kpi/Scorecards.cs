using System.Text.Json;
using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Kpi;
using Crm.Api.Domain.Org;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Kpi;

/// <param name="Source">`Entered` by hand or `Ledger` (the maximum plus the year's unit-level ledger points of <paramref name="Rules"/>).</param>
/// <param name="LedgerPoints">The year's unit-level ledger points of the item's rules (deductions negative, adjustments included).</param>
public sealed record ScorecardItemDto(string Code, string Name, decimal MaxPoints, IReadOnlyList<string> Rules, decimal LedgerPoints, decimal? Entered,
    decimal? Score, string Source);

public sealed record LeaderBonusDto(StaffRef Staff, string Role, decimal Reward, decimal Deduction);

/// <param name="Complete">Every item has a score; the outcome is given only then.</param>
/// <param name="SubstantiatedComplaints">Substantiated complaints against the unit received in the year (≥ Kpi:ComplaintsPerYearDisqualify disqualifies).</param>
/// <param name="DisqualifiedStaff">People of the unit with that many against them: disqualified from the year's awards.</param>
/// <param name="Leadership">Main leader (UnitManager) and deputies (DeputyManager) with their reward share or deduction.</param>
public sealed record UnitScorecardDto(int Year, UnitRef Unit, IReadOnlyList<ScorecardItemDto> Items, decimal? Total, bool Complete, ScorecardOutcome? Outcome,
    int SubstantiatedComplaints, bool Disqualified, IReadOnlyList<StaffRef> DisqualifiedStaff, IReadOnlyList<LeaderBonusDto> Leadership, int Version);

public sealed record EnterScorecardRequest(Dictionary<string, decimal> Items);

public sealed record EnterScorecardCommand(int Year, long UnitId, Dictionary<string, decimal> Items) : ICommand<Result<UnitScorecardDto>>;

public sealed class EnterScorecardValidator : AbstractValidator<EnterScorecardCommand>
{
    public EnterScorecardValidator(IOptions<KpiOptions> options)
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Items).NotNull();
        // Each error is reported on `items.<code>`, so a form can show it beside that item's input.
        RuleFor(c => c.Items).Custom((items, context) =>
        {
            foreach (var (code, points) in items ?? [])
            {
                if (!options.Value.ScorecardItems.TryGetValue(code, out var item))
                    context.AddFailure($"items.{code}", $"未知的评分项“{code}”；可选：{string.Join("、", options.Value.ScorecardItems.Keys)}。");
                else if (points < 0 || points > item.MaxPoints)
                    context.AddFailure($"items.{code}", $"评分项“{code}”的得分须在 0 到 {item.MaxPoints} 之间。");
            }
        });
    }
}

/// <summary>Enters (or replaces) a unit's hand-scored items for a year (kpi.manage over that unit); an entered score also overrides a ledger-fed item.</summary>
public sealed class EnterScorecardHandler(CrmDbContext db, UserContext users, BusinessClock clock, ScorecardReader reader)
    : ICommandHandler<EnterScorecardCommand, Result<UnitScorecardDto>>
{
    public async ValueTask<Result<UnitScorecardDto>> Handle(EnterScorecardCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (KpiAccess.CheckMayManage(user) is { } refused)
            return refused;
        if (!KpiAccess.Reach(user).CoversUnit(command.UnitId) || !await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId, ct))
            return Error.NotFound("单位");
        var json = JsonSerializer.Serialize(command.Items);
        var card = await db.UnitScorecards.SingleOrDefaultAsync(s => s.Year == command.Year && s.UnitId == command.UnitId, ct);
        if (card is null)
            db.UnitScorecards.Add(card = new UnitScorecard(command.Year, command.UnitId, clock.UtcNow, user.StaffId));
        card.Enter(json, clock.UtcNow, user.StaffId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("concurrentChange", "评分表刚被他人修改，请刷新后再试。");
        }
        return (await reader.ReadAsync(command.Year, [command.UnitId], ct))[0];
    }
}

public sealed record GetScorecardsQuery(int Year, long? UnitId) : IQuery<Result<IReadOnlyList<UnitScorecardDto>>>;

/// <summary>The year's unit scorecards (kpi.manage): every active sales, service, branch or subsidiary unit the caller's reach covers, or one unit.</summary>
public sealed class GetScorecardsHandler(CrmDbContext db, UserContext users, ScorecardReader reader) : IQueryHandler<GetScorecardsQuery, Result<IReadOnlyList<UnitScorecardDto>>>
{
    private static readonly OrgUnitKind[] Scored = [OrgUnitKind.Sales, OrgUnitKind.Service, OrgUnitKind.Branch, OrgUnitKind.Subsidiary];

    public async ValueTask<Result<IReadOnlyList<UnitScorecardDto>>> Handle(GetScorecardsQuery query, CancellationToken ct)
    {
        if (KpiAccess.CheckMayManage(users.User) is { } refused)
            return refused;
        if (query.Year is < 2000 or > 2100)
            return Error.Field("year", "年份无效。");
        var reach = KpiAccess.Reach(users.User);
        List<long> ids;
        if (query.UnitId is { } unitId)
        {
            if (!reach.CoversUnit(unitId) || !await db.OrgUnits.AnyAsync(u => u.Id == unitId, ct))
                return Error.NotFound("单位");
            ids = [unitId];
        }
        else
        {
            ids = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive && Scored.Contains(u.Kind)).OrderBy(u => u.Path).Select(u => u.Id).ToListAsync(ct);
            ids = ids.Where(reach.CoversUnit).ToList();
        }
        return await reader.ReadAsync(query.Year, ids, ct);
    }
}

public sealed class ScorecardReader(CrmDbContext db, IOptions<KpiOptions> options)
{
    public async Task<List<UnitScorecardDto>> ReadAsync(int year, IReadOnlyList<long> unitIds, CancellationToken ct)
    {
        var policy = options.Value;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var cards = await db.UnitScorecards.AsNoTracking().Where(s => s.Year == year && unitIds.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        var ledger = (await db.KpiEntries.AsNoTracking().Where(e => e.StaffId == null && unitIds.Contains(e.UnitId) && e.Month >= from && e.Month <= to)
            .Select(e => new { e.UnitId, e.Rule, e.Points }).ToListAsync(ct));
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.Substantiated == true && c.ResponsibleUnitId != null && unitIds.Contains(c.ResponsibleUnitId.Value) && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { UnitId = c.ResponsibleUnitId!.Value, c.ResponsibleStaffId }).ToListAsync(ct);
        var leaders = await db.Staff.AsNoTracking().Where(s => s.IsActive && unitIds.Contains(s.UnitId)
                && (s.Positions & (Positions.UnitManager | Positions.DeputyManager)) != 0)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.DisplayName, s.UnitId, s.Positions }).ToListAsync(ct);
        var disqualifiedIds = complaints.Where(c => c.ResponsibleStaffId != null).GroupBy(c => c.ResponsibleStaffId!.Value)
            .Where(g => g.Count() >= policy.ComplaintsPerYearDisqualify).Select(g => g.Key).ToList();
        var disqualifiedNames = await db.Staff.AsNoTracking().Where(s => disqualifiedIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);

        return unitIds.Select(unitId =>
        {
            var entered = cards.TryGetValue(unitId, out var card)
                ? JsonSerializer.Deserialize<Dictionary<string, decimal>>(card.ItemsJson) ?? []
                : [];
            var items = policy.ScorecardItems.Select(kv =>
            {
                var rules = kv.Value.RuleList;
                var points = ledger.Where(e => e.UnitId == unitId && rules.Contains(e.Rule)).Sum(e => e.Points);
                decimal? typed = entered.TryGetValue(kv.Key, out var v) ? v : null;
                var score = ScorecardItems.Score(kv.Value.MaxPoints, rules.Count > 0, points, typed);
                return new ScorecardItemDto(kv.Key, kv.Value.Name, kv.Value.MaxPoints, rules, points, typed, score,
                    typed is not null || rules.Count == 0 ? "Entered" : "Ledger");
            }).ToList();
            var complete = items.All(i => i.Score is not null);
            var total = complete ? items.Sum(i => i.Score!.Value) : (decimal?)null;
            var count = complaints.Count(c => c.UnitId == unitId);
            var disqualified = count >= policy.ComplaintsPerYearDisqualify;
            var outcome = total is { } t ? ScorecardRules.Evaluate(t, policy.Bands, disqualified) : null;
            var unitLeaders = leaders.Where(l => l.UnitId == unitId).ToList();
            var main = unitLeaders.Where(l => (l.Positions & Positions.UnitManager) != 0).ToList();
            var leadership = main.Select(l => new LeaderBonusDto(new StaffRef(l.Id, l.DisplayName), "UnitManager",
                    outcome is null ? 0 : outcome.Reward, outcome?.LeaderDeduction ?? 0))
                .Concat(unitLeaders.Except(main).Select(l => new LeaderBonusDto(new StaffRef(l.Id, l.DisplayName), "DeputyManager", 0,
                    outcome?.DeputyDeduction ?? 0)))
                .ToList();
            var staff = complaints.Where(c => c.UnitId == unitId && c.ResponsibleStaffId is { } s && disqualifiedIds.Contains(s))
                .Select(c => c.ResponsibleStaffId!.Value).Distinct().Select(s => new StaffRef(s, disqualifiedNames.GetValueOrDefault(s, ""))).ToList();
            return new UnitScorecardDto(year, new UnitRef(unitId, units.GetValueOrDefault(unitId, "")), items, total, complete, outcome, count, disqualified,
                staff, leadership, card?.Version ?? 0);
        }).ToList();
    }
}
