using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

/// <summary>Ends a sign-in: the refresh token's whole family is revoked.</summary>
public sealed record LogoutCommand(string RefreshToken) : ICommand<Result<Success>>;

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200).OverridePropertyName("refreshToken");
}

public sealed class LogoutHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<LogoutCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(LogoutCommand command, CancellationToken ct)
    {
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.StaffId == users.User.StaffId, ct);
        if (token is null)
            return Error.NotFound("刷新令牌");
        var now = clock.GetUtcNow();
        foreach (var member in await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId).ToListAsync(ct))
            member.Revoke(now);
        await db.SaveChangesAsync(ct);
        return new Success();
    }
}
