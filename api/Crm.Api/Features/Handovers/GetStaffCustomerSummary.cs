using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Handovers;

public sealed record GetStaffCustomerSummaryQuery(long StaffId) : IQuery<Result<StaffCustomerSummary>>;

/// <summary>How many customers a person owns, co-serves and owns archived, counting only what the caller can see.</summary>
public sealed class GetStaffCustomerSummaryHandler(CrmDbContext db, UserContext users)
    : IQueryHandler<GetStaffCustomerSummaryQuery, Result<StaffCustomerSummary>>
{
    public async ValueTask<Result<StaffCustomerSummary>> Handle(GetStaffCustomerSummaryQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersHandover))
            return Error.Forbidden("需要客户交接权限（customers.handover）。");
        if (!await db.Staff.AnyAsync(s => s.Id == query.StaffId, ct))
            return Error.NotFound("人员");

        var visible = db.Customers.AsNoTracking().VisibleAsSet(user.CustomerScope, db);
        var coServedIds = db.CustomerCoServers.Where(x => x.StaffId == query.StaffId).Select(x => x.CustomerId);
        var owned = await visible.CountAsync(c => c.OwnerId == query.StaffId && !c.IsArchived, ct);
        var archived = await visible.CountAsync(c => c.OwnerId == query.StaffId && c.IsArchived, ct);
        var coServed = await visible.CountAsync(c => coServedIds.Contains(c.Id), ct);
        return new StaffCustomerSummary(owned, coServed, archived);
    }
}
