using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Activities;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Activities;

public sealed record CreateActivityRequest : ActivityBody;

public sealed record CreateActivityCommand : ActivityBody, ICommand<Result<ActivityDto>>
{
    public long CustomerId { get; init; }
}

public sealed class CreateActivityValidator : AbstractValidator<CreateActivityCommand>
{
    public CreateActivityValidator(BusinessClock clock) => Include(new ActivityFieldsValidator(clock));
}

public sealed class CreateActivityHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<CreateActivityCommand, Result<ActivityDto>>
{
    public async ValueTask<Result<ActivityDto>> Handle(CreateActivityCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ActivityAccess.CheckMayRecord(user, customer) is { } refused)
            return refused;
        var details = command.ToDetails([user.StaffId], []);
        if (await ActivityAccess.CheckReferencesAsync(db, customer.Id, details, ct) is { } invalid)
            return invalid;

        var activity = new Activity(customer.Id, details, clock.GetUtcNow(), user.StaffId);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return await activity.ToDtoAsync(db, ct);
    }
}
