using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Deadlines;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record AddKeyPersonRequest : KeyPersonBody;

public sealed record AddKeyPersonCommand : KeyPersonBody, ICommand<Result<KeyPersonDto>>
{
    public long CustomerId { get; init; }
}

public sealed class AddKeyPersonValidator : AbstractValidator<AddKeyPersonCommand>
{
    public const int MaxKeyPersonsPerCustomer = 200;

    public AddKeyPersonValidator() => Include(new KeyPersonFieldsValidator());
}

public sealed class AddKeyPersonHandler(CrmDbContext db, UserContext users, TimeProvider clock, ObligationTracker obligations) : ICommandHandler<AddKeyPersonCommand, Result<KeyPersonDto>>
{
    public async ValueTask<Result<KeyPersonDto>> Handle(AddKeyPersonCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.VisibleTo(user, db).Include(c => c.CoServers).SingleOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (CustomerWrites.CheckWritable(user, customer) is { } refused)
            return refused;
        if (await db.KeyPersons.CountAsync(k => k.CustomerId == customer.Id, ct) >= AddKeyPersonValidator.MaxKeyPersonsPerCustomer)
            return Error.Conflict("tooManyKeyPersons", $"每个客户最多登记 {AddKeyPersonValidator.MaxKeyPersonsPerCustomer} 名关键人员。");

        var now = clock.GetUtcNow();
        var person = customer.AddKeyPerson(command.ToDetails(), now, user.StaffId);
        // The history names the new person's id, known only after the insert: both writes commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        customer.RecordHistory(HistoryAction.KeyPersonAdded, [new FieldChange($"keyPersons[{person.Id}]", null, person.Name)], now, user.StaffId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await obligations.CustomerChangedAsync(customer, ["keyPersons"], ct);
        return person.ToDto().Protect(await SensitiveAccess.MayReadAsync(db, user, customer.Id, ct));
    }
}
