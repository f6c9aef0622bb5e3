using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Activities;

public sealed record UpdateActivityRequest : ActivityBody;

public sealed record UpdateActivityCommand : ActivityBody, ICommand<Result<ActivityDto>>
{
    public long CustomerId { get; init; }
    public long ActivityId { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed class UpdateActivityValidator : AbstractValidator<UpdateActivityCommand>
{
    public UpdateActivityValidator(BusinessClock clock) => Include(new ActivityFieldsValidator(clock));
}

public sealed class UpdateActivityHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<UpdateActivityCommand, Result<ActivityDto>>
{
    public async ValueTask<Result<ActivityDto>> Handle(UpdateActivityCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (await ActivityAccess.FindAsync(db, user, command.CustomerId, command.ActivityId, ct) is not var (customer, activity))
            return Error.NotFound("跟进记录");
        if (Preconditions.Check(command.ExpectedVersion, activity.Version) is { } stale)
            return stale;
        if (ActivityAccess.CheckMayChange(user, customer, activity) is { } refused)
            return refused;
        // Left out, participants and key persons stay as recorded (never "whoever edits"), as co-servers do on a customer.
        var current = activity.Details;
        var details = command.ToDetails(current.ParticipantIds, current.KeyPersonIds);
        if (await ActivityAccess.CheckReferencesAsync(db, customer.Id, details, ct) is { } invalid)
            return invalid;

        if (activity.Update(details, clock.GetUtcNow(), user.StaffId))
            await db.SaveChangesAsync(ct);
        return await activity.ToDtoAsync(db, ct);
    }
}
