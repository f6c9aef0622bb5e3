using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record CreateGradingSchemeCommand : GradingSchemeBody, ICommand<Result<SchemeVersionDto>>;

public sealed class CreateGradingSchemeValidator : AbstractValidator<CreateGradingSchemeCommand>
{
    public CreateGradingSchemeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().Matches(SchemeCodes.Pattern).WithMessage("方案编码由小写字母开头，只含小写字母、数字和连字符，2–40 个字符。");
        Include(new GradingSchemeBodyRules<CreateGradingSchemeCommand>(c => c.Code ?? ""));
    }
}

/// <summary>A new scheme, as its version 1.</summary>
public sealed class CreateGradingSchemeHandler(CrmDbContext db, UserContext users, TimeProvider clock, FactsCalendar calendar)
    : ICommandHandler<CreateGradingSchemeCommand, Result<SchemeVersionDto>>
{
    public async ValueTask<Result<SchemeVersionDto>> Handle(CreateGradingSchemeCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.ClassificationSchemes))
            return Error.Forbidden("需要维护分级方案权限（classification.schemes）。");
        var code = command.Code!;
        if (await db.GradingSchemeVersions.AnyAsync(v => v.Code == code, ct))
            return Error.Conflict("schemeExists", $"方案编码“{code}”已存在；修改请提交新版本（PUT）。");
        var version = new GradingSchemeVersion(command.ToScheme(code), 1, command.EffectiveFrom ?? calendar.Today, command.Comment?.Trim(),
            clock.GetUtcNow(), user.StaffId);
        db.GradingSchemeVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (code, version) index: someone created the same code a moment ago.
            return Error.Conflict("schemeExists", $"方案编码“{code}”已存在；修改请提交新版本（PUT）。");
        }
        return SchemeVersionDto.From(version, await StaffNames.RefAsync(db, user.StaffId, ct));
    }
}
