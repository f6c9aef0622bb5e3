using Crm.Api.Common.Calendar;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Deadlines;

/// <param name="UnitId">The unit that owes them (the customer's owning unit when they arose).</param>
/// <param name="OwnerId">The responsible person (the customer's owner when they arose).</param>
public sealed record ListObligationsQuery(ObligationState? State, ObligationKind? Kind, long? CustomerId, long? UnitId, bool IncludeSubUnits, long? OwnerId,
    int Page, int PageSize) : IPageRequest, IQuery<Paged<ObligationDto>>;

public sealed class ListObligationsValidator : AbstractValidator<ListObligationsQuery>
{
    public ListObligationsValidator()
    {
        Include(new PageRequestRules<ListObligationsQuery>(capped: true));
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
    }
}

/// <summary>The deadline board: obligations of every customer the caller may see, earliest due first.</summary>
public sealed class ListObligationsHandler(CrmDbContext db, UserContext users, ICalendarProvider calendars, BusinessClock clock, ObligationReader reader,
    IOptions<DeadlinesOptions> options) : IQueryHandler<ListObligationsQuery, Paged<ObligationDto>>
{
    public async ValueTask<Paged<ObligationDto>> Handle(ListObligationsQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Select(c => c.Id);
        var obligations = db.Obligations.AsNoTracking().Where(o => visible.Contains(o.CustomerId));
        if (query.Kind is { } kind)
            obligations = obligations.Where(o => o.Kind == kind);
        if (query.CustomerId is { } customerId)
            obligations = obligations.Where(o => o.CustomerId == customerId);
        if (query.OwnerId is { } ownerId)
            obligations = obligations.Where(o => o.ResponsibleId == ownerId);
        if (query.UnitId is { } unitId)
        {
            var unitIds = await UnitFilter.UnitIdsAsync(db, unitId, query.IncludeSubUnits, ct) ?? [];
            obligations = obligations.Where(x => unitIds.Contains(x.OwningUnitId));
        }
        if (query.State is { } state)
            obligations = await InStateAsync(obligations, state, ct);

        var counted = await obligations.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await obligations.OrderBy(o => o.DueOn).ThenBy(o => o.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<ObligationDto>(await reader.ToDtosAsync(page, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }

    /// <summary>The state as a query: the same rule as <see cref="ObligationStates.Derive"/>, with the due-soon limit worked out once.</summary>
    private async Task<IQueryable<Obligation>> InStateAsync(IQueryable<Obligation> obligations, ObligationState state, CancellationToken ct)
    {
        var today = clock.Today;
        // At most N working days left ⟺ due before the (N+1)-th working day after today.
        var dueSoonBefore = (await calendars.GetAsync(ct)).AddWorkingDays(today, options.Value.DueSoonWorkingDays + 1).Value;
        var open = obligations.Where(o => o.Status == ObligationStatus.Open || o.Status == ObligationStatus.Returned);
        return state switch
        {
            ObligationState.Overdue => open.Where(o => o.DueOn < today),
            ObligationState.DueSoon => open.Where(o => o.DueOn >= today && o.DueOn < dueSoonBefore),
            ObligationState.Pending => open.Where(o => o.DueOn >= dueSoonBefore),
            ObligationState.Submitted => obligations.Where(o => o.Status == ObligationStatus.Submitted),
            ObligationState.MetOnTime => obligations.Where(o => o.Status == ObligationStatus.Met && o.MetOn <= o.DueOn),
            _ => obligations.Where(o => o.Status == ObligationStatus.Met && o.MetOn > o.DueOn),
        };
    }
}
