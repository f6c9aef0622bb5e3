using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record GetComplaintQuery(long CustomerId, long ComplaintId) : IQuery<Result<ComplaintDto>>;

public sealed class GetComplaintHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetComplaintQuery, Result<ComplaintDto>>
{
    public async ValueTask<Result<ComplaintDto>> Handle(GetComplaintQuery query, CancellationToken ct)
    {
        var visible = db.Customers.VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId).Select(c => c.Id);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Transitions)
            .SingleOrDefaultAsync(c => c.Id == query.ComplaintId && c.CustomerId == query.CustomerId && visible.Contains(c.CustomerId), ct);
        if (complaint is null)
            return Error.NotFound("投诉");
        return await ComplaintAccess.ToDtoAsync(db, complaint, ct);
    }
}

public sealed record ListCustomerComplaintsQuery(long CustomerId) : IQuery<Result<IReadOnlyList<ComplaintDto>>>;

public sealed class ListCustomerComplaintsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListCustomerComplaintsQuery, Result<IReadOnlyList<ComplaintDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ComplaintDto>>> Handle(ListCustomerComplaintsQuery query, CancellationToken ct)
    {
        if (!await db.Customers.VisibleTo(users.User, db).AnyAsync(c => c.Id == query.CustomerId, ct))
            return Error.NotFound("客户");
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Transitions).Where(c => c.CustomerId == query.CustomerId)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        return await ComplaintAccess.ToDtosAsync(db, complaints, ct);
    }
}
