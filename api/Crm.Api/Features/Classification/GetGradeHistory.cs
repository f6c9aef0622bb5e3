using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record GetGradeHistoryQuery(long CustomerId, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<GradeChangeDto>>>;

public sealed class GetGradeHistoryValidator : AbstractValidator<GetGradeHistoryQuery>
{
    public GetGradeHistoryValidator()
    {
        Include(new PageRequestRules<GetGradeHistoryQuery>(capped: false));
    }
}

/// <summary>A customer's grade changes (approved ratings and overrides with their reasons), newest first.</summary>
public sealed class GetGradeHistoryHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetGradeHistoryQuery, Result<Paged<GradeChangeDto>>>
{
    public async ValueTask<Result<Paged<GradeChangeDto>>> Handle(GetGradeHistoryQuery query, CancellationToken ct)
    {
        if (!await db.Customers.VisibleTo(users.User, db).AnyAsync(c => c.Id == query.CustomerId, ct))
            return Error.NotFound("客户");
        var changes = db.GradeChanges.AsNoTracking().Where(g => g.CustomerId == query.CustomerId);
        var total = await changes.CountAsync(ct);
        var items = await changes.OrderByDescending(g => g.At).ThenByDescending(g => g.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(g => new GradeChangeDto(g.Id, g.CustomerId, g.FromGrade, g.ToGrade, g.Direction, g.Source, g.RunId, g.Reason, g.At,
                new StaffRef(g.ByStaffId, db.Staff.Where(s => s.Id == g.ByStaffId).Select(s => s.DisplayName).First()), null))
            .ToListAsync(ct);
        return new Paged<GradeChangeDto>(items, query.Page, query.PageSize, total, false);
    }
}
