using Crm.Api.Common.Calendar;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Deadlines;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Feedback;

/// <param name="Month">yyyy-MM; this month (business date) when left out.</param>
/// <param name="UnitId">One unit (and its sub-units); every unit the caller may see when left out.</param>
public sealed record GetFeedbackQuotasQuery(string? Month, long? UnitId) : IQuery<IReadOnlyList<FeedbackQuotaStatus>>;

public sealed class GetFeedbackQuotasValidator : AbstractValidator<GetFeedbackQuotasQuery>
{
    public GetFeedbackQuotasValidator() =>
        RuleFor(q => q.Month).Must(m => BusinessFact.TryParseMonth(m, out _)).When(q => q.Month is not null).WithMessage(FactFieldsValidator.MonthMessage);
}

/// <summary>One unit's feedback forms in a month against its quota. <see cref="Missing"/> and <see cref="MissingByGrade"/> are the shortfalls.</summary>
public sealed record FeedbackQuotaStatus(
    UnitRef Unit,
    string Month,
    int Total,
    IReadOnlyDictionary<string, int> ByGrade,
    int RequiredTotal,
    IReadOnlyDictionary<string, int> RequiredByGrade,
    bool Met,
    int Missing,
    IReadOnlyDictionary<string, int> MissingByGrade);

/// <summary>
/// Quota status per unit with a quota (by unit kind; Sales by default). Units in reach: the whole company for holders
/// of an all-customers read scope, deadlines.manage or kpi.manage; a unit-subtree scope its sub-tree; anybody else their own unit.
/// </summary>
public sealed class GetFeedbackQuotasHandler(CrmDbContext db, UserContext users, BusinessClock clock, IOptions<DeadlinesOptions> options)
    : IQueryHandler<GetFeedbackQuotasQuery, IReadOnlyList<FeedbackQuotaStatus>>
{
    public async ValueTask<IReadOnlyList<FeedbackQuotaStatus>> Handle(GetFeedbackQuotasQuery query, CancellationToken ct)
    {
        var user = users.User;
        var today = clock.Today;
        var month = BusinessFact.TryParseMonth(query.Month, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        var units = db.OrgUnits.AsNoTracking().Where(u => u.IsActive);
        var scope = user.CustomerScope;
        if (!(scope.Kind == ScopeKind.All || user.Has(Permissions.DeadlinesManage) || user.Has(Permissions.KpiManage)))
        {
            var reach = scope.Kind == ScopeKind.Units ? scope.UnitIds.ToList() : [user.UnitId];
            units = units.Where(u => reach.Contains(u.Id));
        }
        if (query.UnitId is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            units = units.Where(u => u.Path.StartsWith(path));
        }
        var candidates = await units.OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        var withQuota = candidates.Select(u => (u.Id, u.Name, Quota: options.Value.QuotaFor(u.Kind))).Where(u => u.Quota is not null).ToList();
        var ids = withQuota.Select(u => u.Id).ToList();
        var counts = await db.FeedbackForms.AsNoTracking().Where(f => f.Month == month && ids.Contains(f.UnitId))
            .GroupBy(f => new { f.UnitId, f.Grade }).Select(g => new { g.Key.UnitId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct);
        return withQuota.Select(u =>
        {
            var byGrade = counts.Where(c => c.UnitId == u.Id).ToDictionary(c => c.Grade ?? "-", c => c.Count);
            var (missing, missingByGrade) = u.Quota!.Missing(byGrade);
            return new FeedbackQuotaStatus(new UnitRef(u.Id, u.Name), BusinessFact.FormatMonth(month), byGrade.Values.Sum(), byGrade, u.Quota.Total,
                u.Quota.Grades, missing == 0 && missingByGrade.Count == 0, missing, missingByGrade);
        }).ToList();
    }
}
