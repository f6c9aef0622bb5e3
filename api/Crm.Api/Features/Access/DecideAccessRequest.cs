using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record DecideAccessRequestRequest(string? Comment);

public sealed record DecideAccessRequestCommand(long Id, bool Approve, string? Comment) : ICommand<Result<AccessRequestDto>>;

public sealed class DecideAccessRequestValidator : AbstractValidator<DecideAccessRequestCommand>
{
    public DecideAccessRequestValidator() => RuleFor(c => c.Comment).MaximumLength(500);
}

/// <summary>
/// Approves (creating an expiring read-only grant) or rejects a request. Only its routed approver, or someone who
/// approves company-wide, may decide; never the requester. When two act at once, one wins and the other gets 409.
/// </summary>
public sealed class DecideAccessRequestHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<DecideAccessRequestCommand, Result<AccessRequestDto>>
{
    public async ValueTask<Result<AccessRequestDto>> Handle(DecideAccessRequestCommand command, CancellationToken ct)
    {
        var user = users.User;
        var request = await db.AccessRequests.ReadableBy(user).SingleOrDefaultAsync(r => r.Id == command.Id, ct);
        if (request is null)
            return Error.NotFound("查阅申请");
        if (request.RequesterId == user.StaffId)
            return new Error(ErrorKind.Forbidden, "selfApproval", "不能审批自己的申请。");
        var mayDecide = user.Has(Permissions.AccessApprove)
                        && (request.ApproverId == user.StaffId || user.Permissions[Permissions.AccessApprove] == DataScope.All);
        if (!mayDecide)
            return Error.Forbidden("只有该申请的审批人（或公司级审批人，access.approve）可以审批。");
        if (request.Status != AccessRequestStatus.Pending)
            return Error.Conflict("alreadyDecided", "该申请已经处理过了。");

        var now = clock.GetUtcNow();
        if (command.Approve)
        {
            db.AccessGrants.Add(request.Approve(user.StaffId, command.Comment, now));
            db.MarkAccessChanged();
        }
        else
            request.Reject(user.StaffId, command.Comment, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("alreadyDecided", "该申请刚刚已被他人处理。");
        }
        return (await AccessRequestReader.ReadAsync(db, request.Id, now, ct))!;
    }
}
