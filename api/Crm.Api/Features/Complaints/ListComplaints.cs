using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Complaints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

/// <param name="Year">Received in this year.</param>
/// <param name="ResponsibleUnitId">Substantiated complaints naming this unit.</param>
public sealed record ListComplaintsQuery(ComplaintStatus? Status, int? Year, long? CustomerId, long? ResponsibleUnitId, long? ResponsibleStaffId,
    bool? Substantiated, int Page, int PageSize) : IPageRequest, IQuery<Paged<ComplaintDto>>;

public sealed class ListComplaintsValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsValidator()
    {
        Include(new PageRequestRules<ListComplaintsQuery>(capped: true));
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
    }
}

/// <summary>Complaints about every customer the caller may see, newest first (filtered in the query).</summary>
public sealed class ListComplaintsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListComplaintsQuery, Paged<ComplaintDto>>
{
    public async ValueTask<Paged<ComplaintDto>> Handle(ListComplaintsQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Select(c => c.Id);
        var complaints = db.Complaints.AsNoTracking().Where(c => visible.Contains(c.CustomerId));
        if (query.Status is { } status)
            complaints = complaints.Where(c => c.Status == status);
        if (query.Year is { } year)
            complaints = complaints.Where(c => c.ReceivedOn >= new DateOnly(year, 1, 1) && c.ReceivedOn <= new DateOnly(year, 12, 31));
        if (query.CustomerId is { } customerId)
            complaints = complaints.Where(c => c.CustomerId == customerId);
        if (query.ResponsibleUnitId is { } unitId)
            complaints = complaints.Where(c => c.ResponsibleUnitId == unitId);
        if (query.ResponsibleStaffId is { } staffId)
            complaints = complaints.Where(c => c.ResponsibleStaffId == staffId);
        if (query.Substantiated is { } substantiated)
            complaints = complaints.Where(c => c.Substantiated == substantiated);

        var counted = await complaints.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await complaints.Include(c => c.Transitions).OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<ComplaintDto>(await ComplaintAccess.ToDtosAsync(db, page, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }
}
