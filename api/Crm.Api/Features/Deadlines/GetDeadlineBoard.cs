using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Deadlines;

/// <param name="UnitId">The unit that owes them (+ <paramref name="IncludeSubUnits"/>); none: the whole company as far as the caller sees.</param>
/// <param name="StaffId">The responsible person; <paramref name="Mine"/> means the caller.</param>
/// <param name="DueFrom">Only obligations due on or after this date.</param>
/// <param name="DueTo">Only obligations due on or before this date.</param>
/// <param name="ListSize">How many of each list (overdue, due soon, met late) to return.</param>
public sealed record GetDeadlineBoardQuery(long? UnitId, bool IncludeSubUnits, long? StaffId, bool Mine, ObligationKind? Kind, DateOnly? DueFrom,
    DateOnly? DueTo, int ListSize) : IQuery<Result<DeadlineBoardDto>>;

/// <summary>How many obligations are in each state.</summary>
public sealed record DeadlineCountsDto(int Pending, int DueSoon, int Overdue, int Submitted, int MetOnTime, int MetLate)
{
    public static readonly DeadlineCountsDto Zero = new(0, 0, 0, 0, 0, 0);

    public DeadlineCountsDto Plus(DeadlineCountsDto other) => new(Pending + other.Pending, DueSoon + other.DueSoon, Overdue + other.Overdue,
        Submitted + other.Submitted, MetOnTime + other.MetOnTime, MetLate + other.MetLate);
}

public sealed record DeadlineKindCountsDto(ObligationKind Kind, DeadlineCountsDto Counts);

/// <summary>The deadline board on today's business date.</summary>
/// <param name="DueSoonUntil">The last due date that counts as due soon (at most the due-soon window of working days left).</param>
/// <param name="Overdue">The most overdue first.</param>
/// <param name="DueSoon">The earliest due first.</param>
/// <param name="MetLate">The most recently met first.</param>
public sealed record DeadlineBoardDto(
    DateOnly AsOf,
    DateOnly DueSoonUntil,
    DeadlineCountsDto Counts,
    IReadOnlyList<DeadlineKindCountsDto> ByKind,
    IReadOnlyList<ObligationDto> Overdue,
    IReadOnlyList<ObligationDto> DueSoon,
    IReadOnlyList<ObligationDto> MetLate);

public sealed class GetDeadlineBoardValidator : AbstractValidator<GetDeadlineBoardQuery>
{
    public const int MaxListSize = 50;

    public GetDeadlineBoardValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.ListSize).InclusiveBetween(0, MaxListSize).WithMessage($"列表条数须在 0 到 {MaxListSize} 之间。");
        RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom).When(q => q.DueFrom is not null && q.DueTo is not null)
            .WithMessage("截止日期范围的结束日不能早于开始日。");
        RuleFor(q => q.StaffId).Null().When(q => q.Mine).WithMessage("mine=true 时不能再指定 staffId。");
    }
}

/// <summary>
/// Counts and the head of each list for a person, a unit (with sub-units) or everything the caller may see. The counts are one
/// grouped query over the obligations; the state rule is <see cref="ObligationStates.Derive"/>'s, with the due-soon limit worked out once.
/// </summary>
public sealed class GetDeadlineBoardHandler(CrmDbContext db, UserContext users, ICalendarProvider calendars, BusinessClock clock, ObligationReader reader,
    IOptions<DeadlinesOptions> options) : IQueryHandler<GetDeadlineBoardQuery, Result<DeadlineBoardDto>>
{
    public async ValueTask<Result<DeadlineBoardDto>> Handle(GetDeadlineBoardQuery query, CancellationToken ct)
    {
        var user = users.User;
        var obligations = db.Obligations.AsNoTracking();
        // Everything is visible to a company-wide reader; skipping the filter spares a probe per obligation.
        if (user.CustomerScope.Kind != ScopeKind.All)
        {
            var visible = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db).Select(c => c.Id);
            obligations = obligations.Where(o => visible.Contains(o.CustomerId));
        }
        if (query.UnitId is { } unitId)
        {
            var unitIds = await UnitFilter.UnitIdsAsync(db, unitId, query.IncludeSubUnits, ct);
            if (unitIds is null)
                return Error.Field("unitId", "组织单位不存在。");
            obligations = obligations.Where(o => unitIds.Contains(o.OwningUnitId));
        }
        var staffId = query.Mine ? user.StaffId : query.StaffId;
        if (staffId is { } responsible)
        {
            if (!query.Mine && !await db.Staff.AnyAsync(s => s.Id == responsible, ct))
                return Error.Field("staffId", "人员不存在。");
            obligations = obligations.Where(o => o.ResponsibleId == responsible);
        }
        if (query.Kind is { } kind)
            obligations = obligations.Where(o => o.Kind == kind);
        if (query.DueFrom is { } from)
            obligations = obligations.Where(o => o.DueOn >= from);
        if (query.DueTo is { } to)
            obligations = obligations.Where(o => o.DueOn <= to);

        var today = clock.Today;
        var calendar = await calendars.GetAsync(ct);
        // At most N working days left ⟺ due before the (N+1)-th working day after today.
        var dueSoonBefore = calendar.AddWorkingDays(today, options.Value.DueSoonWorkingDays + 1).Value;
        const ObligationStatus open = ObligationStatus.Open, returned = ObligationStatus.Returned, met = ObligationStatus.Met;

        var rows = await obligations.GroupBy(o => o.Kind).Select(g => new
        {
            Kind = g.Key,
            Overdue = g.Count(o => (o.Status == open || o.Status == returned) && o.DueOn < today),
            DueSoon = g.Count(o => (o.Status == open || o.Status == returned) && o.DueOn >= today && o.DueOn < dueSoonBefore),
            Pending = g.Count(o => (o.Status == open || o.Status == returned) && o.DueOn >= dueSoonBefore),
            Submitted = g.Count(o => o.Status == ObligationStatus.Submitted),
            MetOnTime = g.Count(o => o.Status == met && o.MetOn <= o.DueOn),
            MetLate = g.Count(o => o.Status == met && o.MetOn > o.DueOn),
        }).ToListAsync(ct);
        var byKind = Enum.GetValues<ObligationKind>().Select(k => rows.SingleOrDefault(r => r.Kind == k) is { } r
            ? new DeadlineKindCountsDto(k, new DeadlineCountsDto(r.Pending, r.DueSoon, r.Overdue, r.Submitted, r.MetOnTime, r.MetLate))
            : new DeadlineKindCountsDto(k, DeadlineCountsDto.Zero)).ToList();

        // Each list picks its ids from the covering indexes first, then reads just those rows.
        var openOnes = obligations.Where(o => o.Status == open || o.Status == returned);
        var overdueIds = await IdsAsync(openOnes.Where(o => o.DueOn < today).OrderBy(o => o.DueOn).ThenBy(o => o.Id), query.ListSize, ct);
        var dueSoonIds = await IdsAsync(openOnes.Where(o => o.DueOn >= today && o.DueOn < dueSoonBefore).OrderBy(o => o.DueOn).ThenBy(o => o.Id), query.ListSize, ct);
        var metLateIds = await IdsAsync(obligations.Where(o => o.Status == met && o.MetOn > o.DueOn).OrderByDescending(o => o.MetOn).ThenByDescending(o => o.Id),
            query.ListSize, ct);
        var allIds = overdueIds.Concat(dueSoonIds).Concat(metLateIds).ToList();
        var rowsById = allIds.Count == 0 ? [] : await db.Obligations.AsNoTracking().Where(o => allIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var overdue = overdueIds.Select(id => rowsById[id]).ToList();
        var dueSoon = dueSoonIds.Select(id => rowsById[id]).ToList();
        var metLate = metLateIds.Select(id => rowsById[id]).ToList();
        var dtos = await reader.ToDtosAsync([.. overdue, .. dueSoon, .. metLate], ct);

        return new DeadlineBoardDto(today, dueSoonBefore.AddDays(-1),
            byKind.Aggregate(DeadlineCountsDto.Zero, (sum, k) => sum.Plus(k.Counts)), byKind,
            dtos[..overdue.Count], dtos[overdue.Count..(overdue.Count + dueSoon.Count)], dtos[(overdue.Count + dueSoon.Count)..]);
    }

    private static async Task<List<long>> IdsAsync(IQueryable<Obligation> ordered, int count, CancellationToken ct) =>
        count == 0 ? [] : await ordered.Select(o => o.Id).Take(count).ToListAsync(ct);
}
