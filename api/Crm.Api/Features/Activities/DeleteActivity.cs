using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;

namespace Crm.Api.Features.Activities;

public sealed record DeleteActivityCommand(long CustomerId, long ActivityId, int? ExpectedVersion) : ICommand<Result<Success>>;

public sealed class DeleteActivityHandler(CrmDbContext db, UserContext users) : ICommandHandler<DeleteActivityCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteActivityCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (await ActivityAccess.FindAsync(db, user, command.CustomerId, command.ActivityId, ct) is not var (customer, activity))
            return Error.NotFound("跟进记录");
        if (command.ExpectedVersion is not null && Preconditions.Check(command.ExpectedVersion, activity.Version) is { } stale)
            return stale;
        if (ActivityAccess.CheckMayChange(user, customer, activity) is { } refused)
            return refused;
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(ct);
        return new Success();
    }
}
