using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Sync;

public sealed record SyncCustomersQuery(string? Cursor, DateTimeOffset? UpdatedSince, int Limit) : ISyncRequest, IQuery<Result<SyncPage<SyncCustomer>>>;

public sealed class SyncCustomersValidator : AbstractValidator<SyncCustomersQuery>
{
    public SyncCustomersValidator()
    {
        Include(new SyncRequestRules<SyncCustomersQuery>());
    }
}

/// <summary>
/// 增量同步: the customers the caller may see that changed after the cursor, in commit order, archived ones as
/// tombstones. Without a cursor the feed starts at the beginning, or at <c>updatedSince</c>. Each live record returned
/// is an archive read and goes to the read log.
/// </summary>
public sealed class SyncCustomersHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog)
    : IQueryHandler<SyncCustomersQuery, Result<SyncPage<SyncCustomer>>>
{
    public async ValueTask<Result<SyncPage<SyncCustomer>>> Handle(SyncCustomersQuery query, CancellationToken ct)
    {
        SyncCursor.TryDecode(query.Cursor, out var after);
        var customers = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Where(c => c.ChangeSeq > after);
        if (query.Cursor is null && query.UpdatedSince is { } since)
            customers = customers.Where(c => c.UpdatedAt >= since);
        var rows = await customers.OrderBy(c => c.ChangeSeq).Take(query.Limit + 1)
            .Select(c => c.IsArchived
                ? new SyncCustomer(c.Id, c.Code, true, c.ChangeSeq, c.UpdatedAt, c.ArchivedAt, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null)
                : new SyncCustomer(c.Id, c.Code, false, c.ChangeSeq, c.UpdatedAt, null, c.Version, c.Name, c.CreditCode, c.EnterpriseNature, c.Industry,
                    c.Address, c.Region, c.Category, c.Grade, c.GradeOverridden, c.Status, c.FirstContactOn, c.CooperationStartOn, c.OwningUnitId,
                    c.OwnerId, c.ServiceUnitId))
            .ToListAsync(ct);
        var hasMore = rows.Count > query.Limit;
        var items = hasMore ? rows[..query.Limit] : rows;
        var read = items.Where(c => !c.Deleted).Select(c => c.Id).ToList();
        if (read.Count > 0)
            await readLog.RecordAsync(read, ReadAction.Sync, ct);
        return new SyncPage<SyncCustomer>(items, SyncCursor.Encode(items.Count > 0 ? items[^1].ChangeSeq : after), hasMore);
    }
}
