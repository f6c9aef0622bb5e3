using Crm.Api.Common.Errors;
using Crm.Api.Data;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

/// <summary>Sign-in with user name and password.</summary>
/// <param name="Username" example="east.sales1">The user name.</param>
/// <param name="Password" example="Crm@demo2026">The password.</param>
public sealed record IssueTokenRequest(string Username, string Password);

public sealed record IssueTokenCommand(string Username, string Password, string ClientAddress) : ICommand<Result<TokenResponse>>;

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Username).NotEmpty().MaximumLength(64).OverridePropertyName("username");
        RuleFor(c => c.Password).NotEmpty().MaximumLength(200).OverridePropertyName("password");
    }
}

public sealed class IssueTokenHandler(CrmDbContext db, TokenService tokens, LoginThrottle throttle, IPasswordHasher<Staff> hasher)
    : ICommandHandler<IssueTokenCommand, Result<TokenResponse>>
{
    // Verifying against a real hash when the user is unknown keeps both failures equally slow.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Staff>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async ValueTask<Result<TokenResponse>> Handle(IssueTokenCommand command, CancellationToken ct)
    {
        var normalized = Staff.Normalize(command.Username);
        var userKey = "user:" + normalized;
        var addressKey = "ip:" + command.ClientAddress;
        if (throttle.RetryAfter(userKey, addressKey) is { } wait)
            return new Error(ErrorKind.TooManyRequests, "tooManyFailedSignIns", "登录失败次数过多，请稍后再试。", RetryAfter: wait);

        var staff = await db.Staff.SingleOrDefaultAsync(s => s.NormalizedUsername == normalized, ct);
        PasswordVerificationResult verdict;
        if (staff is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, command.Password);
            verdict = PasswordVerificationResult.Failed;
        }
        else
            verdict = hasher.VerifyHashedPassword(staff, staff.PasswordHash, command.Password);

        if (staff is null || !staff.IsActive || verdict == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(userKey, addressKey);
            return new Error(ErrorKind.Unauthorized, "invalidCredentials", "用户名或密码错误。");
        }

        throttle.Reset(userKey);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            staff.SetPasswordHash(hasher.HashPassword(staff, command.Password));
        var response = tokens.Issue(db, staff, Guid.NewGuid());
        await db.SaveChangesAsync(ct);
        return response;
    }
}
