using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record RemoveKeyPersonCommand(long CustomerId, long KeyPersonId, int? ExpectedVersion) : ICommand<Result<Success>>;

public sealed class RemoveKeyPersonHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<RemoveKeyPersonCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(RemoveKeyPersonCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.VisibleTo(user, db)
            .Include(c => c.KeyPersons.Where(k => k.Id == command.KeyPersonId))
            .SingleOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        var person = customer?.KeyPersons.SingleOrDefault();
        if (customer is null || person is null)
            return Error.NotFound("关键人员");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, person.Version) is { } stale)
            return stale;
        if (!user.Has(Permissions.CustomersWrite))
            return Error.Forbidden("需要客户维护权限（customers.write）。");
        if (customer.IsArchived)
            return Error.Conflict("archived", "客户已归档，请先恢复再修改。");

        var now = clock.GetUtcNow();
        customer.RemoveKeyPerson(person, now, user.StaffId);
        customer.RecordHistory(HistoryAction.KeyPersonRemoved, [new FieldChange($"keyPersons[{person.Id}]", person.Name, null)], now, user.StaffId);
        await db.SaveChangesAsync(ct);
        return new Success();
    }
}
