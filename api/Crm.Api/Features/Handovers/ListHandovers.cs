using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Handovers;

/// <param name="StaffId">Only records where this person is the leaver or the successor.</param>
public sealed record ListHandoversQuery(long? StaffId, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<HandoverListItem>>>;

public sealed class ListHandoversValidator : AbstractValidator<ListHandoversQuery>
{
    public ListHandoversValidator()
    {
        Include(new PageRequestRules<ListHandoversQuery>(capped: true));
    }
}

/// <summary>Handover records the caller may read, newest first.</summary>
public sealed class ListHandoversHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListHandoversQuery, Result<Paged<HandoverListItem>>>
{
    public async ValueTask<Result<Paged<HandoverListItem>>> Handle(ListHandoversQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersHandover))
            return Error.Forbidden("需要客户交接权限（customers.handover）。");
        var records = db.Handovers.AsNoTracking().Readable(user, db);
        if (query.StaffId is { } staffId)
            records = records.Where(h => h.FromStaffId == staffId || h.ToStaffId == staffId);

        var counted = await records.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var items = await records.OrderByDescending(h => h.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListItems(db)
            .ToListAsync(ct);
        return new Paged<HandoverListItem>(items, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}
