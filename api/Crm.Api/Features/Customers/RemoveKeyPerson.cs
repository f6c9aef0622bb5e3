using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Deadlines;
using Mediator;

namespace Crm.Api.Features.Customers;

public sealed record RemoveKeyPersonCommand(long CustomerId, long KeyPersonId, int? ExpectedVersion) : ICommand<Result<Success>>;

public sealed class RemoveKeyPersonHandler(CrmDbContext db, UserContext users, TimeProvider clock, ObligationTracker obligations) : ICommandHandler<RemoveKeyPersonCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(RemoveKeyPersonCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (await CustomerWrites.FindKeyPersonAsync(db, user, command.CustomerId, command.KeyPersonId, ct) is not var (customer, person))
            return Error.NotFound("关键人员");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, person.Version) is { } stale)
            return stale;
        if (CustomerWrites.CheckWritable(user, customer) is { } refused)
            return refused;

        var now = clock.GetUtcNow();
        customer.RemoveKeyPerson(person, now, user.StaffId);
        customer.RecordHistory(HistoryAction.KeyPersonRemoved, [new FieldChange($"keyPersons[{person.Id}]", person.Name, null)], now, user.StaffId);
        await db.SaveChangesAsync(ct);
        await obligations.CustomerChangedAsync(customer, ["keyPersons"], ct);
        return new Success();
    }
}
