using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Archives (soft-deletes) or restores a customer. If-Match is checked when sent.</summary>
public sealed record ArchiveCustomerCommand(long Id, bool Archive, int? ExpectedVersion) : ICommand<Result<CustomerDetail>>;

public sealed class ArchiveCustomerHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<ArchiveCustomerCommand, Result<CustomerDetail>>
{
    public async ValueTask<Result<CustomerDetail>> Handle(ArchiveCustomerCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.VisibleTo(user, db).Include(c => c.CoServers).SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, customer.Version) is { } stale)
            return stale;
        if (!CustomerWrites.Reaches(user, Permissions.CustomersArchive, customer))
            return Error.Forbidden("需要对该客户的归档权限（customers.archive）。");
        if (customer.IsArchived == command.Archive)
            return Error.Conflict(command.Archive ? "alreadyArchived" : "notArchived", command.Archive ? "客户已经归档。" : "客户未归档，无需恢复。");

        var now = clock.GetUtcNow();
        var change = command.Archive ? customer.Archive(now, user.StaffId) : customer.Restore(now, user.StaffId);
        customer.RecordHistory(command.Archive ? HistoryAction.Archived : HistoryAction.Restored, [change], now, user.StaffId);
        await db.SaveChangesAsync(ct);
        return (await CustomerReader.ReadAsync(db, user, customer.Id, ct))!;
    }
}
