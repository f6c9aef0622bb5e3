using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record ListCustomerPraisesQuery(long CustomerId, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<PraiseDto>>>;

public sealed class ListCustomerPraisesValidator : AbstractValidator<ListCustomerPraisesQuery>
{
    public ListCustomerPraisesValidator() => Include(new PageRequestRules<ListCustomerPraisesQuery>(capped: false));
}

/// <summary>A customer's praises, newest first; a customer the caller may not see answers 404.</summary>
public sealed class ListCustomerPraisesHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListCustomerPraisesQuery, Result<Paged<PraiseDto>>>
{
    public async ValueTask<Result<Paged<PraiseDto>>> Handle(ListCustomerPraisesQuery query, CancellationToken ct)
    {
        if (!await db.Customers.AsNoTracking().VisibleTo(users.User, db).AnyAsync(c => c.Id == query.CustomerId, ct))
            return Error.NotFound("客户");
        var praises = db.Praises.AsNoTracking().Where(p => p.CustomerId == query.CustomerId);
        var total = await praises.CountAsync(ct);
        var page = await praises.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(ct);
        return new Paged<PraiseDto>(await PraiseDtos.ToDtosAsync(db, page, ct), query.Page, query.PageSize, total, false);
    }
}
