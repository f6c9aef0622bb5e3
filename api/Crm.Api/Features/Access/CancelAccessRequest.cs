using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record CancelAccessRequestCommand(long Id) : ICommand<Result<AccessRequestDto>>;

/// <summary>The requester withdraws a request that is still pending.</summary>
public sealed class CancelAccessRequestHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<CancelAccessRequestCommand, Result<AccessRequestDto>>
{
    public async ValueTask<Result<AccessRequestDto>> Handle(CancelAccessRequestCommand command, CancellationToken ct)
    {
        var user = users.User;
        var request = await db.AccessRequests.ReadableBy(user).SingleOrDefaultAsync(r => r.Id == command.Id, ct);
        if (request is null)
            return Error.NotFound("查阅申请");
        if (request.RequesterId != user.StaffId)
            return Error.Forbidden("只有申请人可以撤回申请。");
        if (request.Status != AccessRequestStatus.Pending)
            return Error.Conflict("alreadyDecided", "该申请已经处理过了。");
        var now = clock.GetUtcNow();
        request.Cancel(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("alreadyDecided", "该申请刚刚已被处理。");
        }
        return (await AccessRequestReader.ReadAsync(db, request.Id, now, ct))!;
    }
}
