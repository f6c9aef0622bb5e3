using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record ReviseGradingSchemeRequest : GradingSchemeBody;

public sealed record ReviseGradingSchemeCommand : GradingSchemeBody, ICommand<Result<SchemeVersionDto>>
{
    public ReviseGradingSchemeCommand() { }

    public ReviseGradingSchemeCommand(GradingSchemeBody body) : base(body) { }

    public string SchemeCode { get; init; } = "";

    /// <summary>From If-Match: the newest version number the client read.</summary>
    public int? ExpectedVersion { get; init; }
}

public sealed class ReviseGradingSchemeValidator : AbstractValidator<ReviseGradingSchemeCommand>
{
    public ReviseGradingSchemeValidator()
    {
        RuleFor(c => c.Code).Must((c, code) => string.IsNullOrEmpty(code) || code == c.SchemeCode)
            .WithMessage("方案编码不能修改；请求体中的 code 须与地址中的一致或省略。");
        Include(new GradingSchemeBodyRules<ReviseGradingSchemeCommand>(c => c.SchemeCode));
    }
}

/// <summary>
/// A revision adds the next version; earlier versions stay as they were, so past runs remain explainable. The new
/// version may not start before the newest existing one.
/// </summary>
public sealed class ReviseGradingSchemeHandler(CrmDbContext db, UserContext users, TimeProvider clock, FactsCalendar calendar)
    : ICommandHandler<ReviseGradingSchemeCommand, Result<SchemeVersionDto>>
{
    public async ValueTask<Result<SchemeVersionDto>> Handle(ReviseGradingSchemeCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.ClassificationSchemes))
            return Error.Forbidden("需要维护分级方案权限（classification.schemes）。");
        var latest = await db.GradingSchemeVersions.AsNoTracking().Where(v => v.Code == command.SchemeCode)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
            return Error.NotFound("分级方案");
        if (Preconditions.Check(command.ExpectedVersion, latest.Version) is { } stale)
            return stale;
        var effectiveFrom = command.EffectiveFrom ?? calendar.Today;
        if (effectiveFrom < latest.EffectiveFrom)
            return Error.Field("effectiveFrom", $"生效日期不能早于当前最新版本（第 {latest.Version} 版）的生效日期 {latest.EffectiveFrom:yyyy-MM-dd}。");

        var version = new GradingSchemeVersion(command.ToScheme(command.SchemeCode), latest.Version + 1, effectiveFrom, command.Comment?.Trim(),
            clock.GetUtcNow(), user.StaffId);
        db.GradingSchemeVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another revision took the same version number first: the client's read is stale.
            return Error.PreconditionFailed();
        }
        return SchemeVersionDto.From(version, await StaffNames.RefAsync(db, user.StaffId, ct));
    }
}
