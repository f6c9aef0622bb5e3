using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Customers;

public sealed record UpdateKeyPersonRequest : KeyPersonBody;

public sealed record UpdateKeyPersonCommand : KeyPersonBody, ICommand<Result<KeyPersonDto>>
{
    public long CustomerId { get; init; }
    public long KeyPersonId { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed class UpdateKeyPersonValidator : AbstractValidator<UpdateKeyPersonCommand>
{
    public UpdateKeyPersonValidator() => Include(new KeyPersonFieldsValidator());
}

public sealed class UpdateKeyPersonHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<UpdateKeyPersonCommand, Result<KeyPersonDto>>
{
    public async ValueTask<Result<KeyPersonDto>> Handle(UpdateKeyPersonCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (await CustomerWrites.FindKeyPersonAsync(db, user, command.CustomerId, command.KeyPersonId, ct) is not var (customer, person))
            return Error.NotFound("关键人员");
        if (Preconditions.Check(command.ExpectedVersion, person.Version) is { } stale)
            return stale;
        if (CustomerWrites.CheckWritable(user, customer) is { } refused)
            return refused;

        var changes = person.Update(command.ToDetails());
        if (changes.Count > 0)
        {
            var now = clock.GetUtcNow();
            customer.Touch(now, user.StaffId);
            customer.RecordHistory(HistoryAction.KeyPersonUpdated, changes, now, user.StaffId);
            await db.SaveChangesAsync(ct);
        }
        return person.ToDto().Protect(await SensitiveAccess.MayReadAsync(db, user, customer.Id, ct));
    }
}
