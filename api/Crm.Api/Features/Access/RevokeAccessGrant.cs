using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

public sealed record RevokeAccessGrantRequest(string? Reason);

public sealed record RevokeAccessGrantCommand(long Id, string? Reason) : ICommand<Result<AccessGrantDto>>;

public sealed class RevokeAccessGrantValidator : AbstractValidator<RevokeAccessGrantCommand>
{
    public RevokeAccessGrantValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

/// <summary>Ends a grant early: its holder, whoever granted it, company-wide approvers and administrators may.</summary>
public sealed class RevokeAccessGrantHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<RevokeAccessGrantCommand, Result<AccessGrantDto>>
{
    public async ValueTask<Result<AccessGrantDto>> Handle(RevokeAccessGrantCommand command, CancellationToken ct)
    {
        var user = users.User;
        var grant = await db.AccessGrants.Include(g => g.Request).SingleOrDefaultAsync(g => g.Id == command.Id, ct);
        var mayRevoke = grant is not null
                        && (grant.GranteeId == user.StaffId || grant.GrantedById == user.StaffId || grant.Request!.ApproverId == user.StaffId
                            || AccessRequestReader.CanOverseeAll(user));
        if (grant is null || !mayRevoke)
            return Error.NotFound("查阅授权");
        if (grant.RevokedAt is not null)
            return Error.Conflict("alreadyRevoked", "该授权已被撤销。");
        var now = clock.GetUtcNow();
        grant.Revoke(user.StaffId, command.Reason, now);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await AccessRequestReader.ReadAsync(db, grant.RequestId, now, ct))!.Grant!;
    }
}
