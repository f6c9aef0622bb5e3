using Crm.Api.Common.Errors;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

/// <param name="RefreshToken" example="q0V4mJ3…">The refresh token from the last sign-in or refresh.</param>
public sealed record RefreshTokenRequest(string RefreshToken);

public sealed record RefreshAccessTokenCommand(string RefreshToken) : ICommand<Result<TokenResponse>>;

public sealed class RefreshAccessTokenValidator : AbstractValidator<RefreshAccessTokenCommand>
{
    public RefreshAccessTokenValidator() =>
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200).OverridePropertyName("refreshToken");
}

/// <summary>Rotates the refresh token. A token presented after it was rotated revokes its whole family.</summary>
public sealed class RefreshAccessTokenHandler(CrmDbContext db, TokenService tokens, TimeProvider clock)
    : ICommandHandler<RefreshAccessTokenCommand, Result<TokenResponse>>
{
    private static readonly Error Invalid = new(ErrorKind.Unauthorized, "invalidRefreshToken", "刷新令牌无效或已过期，请重新登录。");

    public async ValueTask<Result<TokenResponse>> Handle(RefreshAccessTokenCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null)
            return Invalid;

        if (token.RotatedAt is not null)
        {
            await RevokeFamily(token.FamilyId, now, ct);
            return new Error(ErrorKind.Unauthorized, "refreshTokenReused", "刷新令牌已被使用过，出于安全考虑本次登录的所有令牌均已作废，请重新登录。");
        }
        if (!token.IsUsable(now))
            return Invalid;

        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == token.StaffId, ct);
        if (staff is null || !staff.IsActive)
        {
            await RevokeFamily(token.FamilyId, now, ct);
            return Invalid;
        }

        token.MarkRotated(now);
        var response = tokens.Issue(db, staff, token.FamilyId);
        await db.SaveChangesAsync(ct);
        return response;
    }

    private async Task RevokeFamily(Guid familyId, DateTimeOffset now, CancellationToken ct)
    {
        var family = await db.RefreshTokens.Where(t => t.FamilyId == familyId).ToListAsync(ct);
        foreach (var member in family)
            member.Revoke(now);
        await db.SaveChangesAsync(ct);
    }
}
