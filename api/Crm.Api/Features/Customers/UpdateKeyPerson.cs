using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
        var customer = await db.Customers.VisibleTo(user, db)
            .Include(c => c.KeyPersons.Where(k => k.Id == command.KeyPersonId))
            .SingleOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        var person = customer?.KeyPersons.SingleOrDefault();
        if (customer is null || person is null)
            return Error.NotFound("关键人员");
        if (Preconditions.Check(command.ExpectedVersion, person.Version) is { } stale)
            return stale;
        if (!user.Has(Permissions.CustomersWrite))
            return Error.Forbidden("需要客户维护权限（customers.write）。");
        if (customer.IsArchived)
            return Error.Conflict("archived", "客户已归档，请先恢复再修改。");

        var changes = person.Update(command.ToDetails());
        if (changes.Count > 0)
        {
            var now = clock.GetUtcNow();
            customer.Touch(now, user.StaffId);
            customer.RecordHistory(HistoryAction.KeyPersonUpdated, changes, now, user.StaffId);
            await db.SaveChangesAsync(ct);
        }
        return person.ToDto();
    }
}
