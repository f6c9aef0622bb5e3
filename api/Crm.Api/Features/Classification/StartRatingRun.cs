using System.Text.Json;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

/// <param name="Scheme">Scheme code; the configured default when left out.</param>
/// <param name="AsOf">Rating date; today when left out. The version in force that day is used.</param>
public sealed record StartRatingRunCommand(string? Scheme, DateOnly? AsOf, RatingRunFilter? Filter) : ICommand<Result<RatingRunDto>>;

public sealed class StartRatingRunValidator : AbstractValidator<StartRatingRunCommand>
{
    public StartRatingRunValidator()
    {
        RuleFor(c => c.Scheme).Matches(SchemeCodes.Pattern).WithMessage("方案编码格式不正确。");
        RuleFor(c => c.AsOf).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Filter!.Grade).MaximumLength(8).When(c => c.Filter is not null);
        RuleFor(c => c.Filter!.Region).MaximumLength(50).When(c => c.Filter is not null);
        RuleFor(c => c.Filter!.Tag).MaximumLength(40).When(c => c.Filter is not null);
        RuleFor(c => c.Filter!.Status).IsInEnum().When(c => c.Filter is not null);
        RuleFor(c => c.Filter!.Category).IsInEnum().When(c => c.Filter is not null);
    }
}

/// <summary>Queues a rating run; a background job evaluates it. One active run per scheme.</summary>
public sealed class StartRatingRunHandler(
    CrmDbContext db, UserContext users, TimeProvider clock, SchemeCatalog schemes, FactsCalendar calendar, IOptions<ClassificationOptions> options)
    : ICommandHandler<StartRatingRunCommand, Result<RatingRunDto>>
{
    public async ValueTask<Result<RatingRunDto>> Handle(StartRatingRunCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.ClassificationRun))
            return Error.Forbidden("需要发起客户评级权限（classification.run）。");
        var code = command.Scheme ?? options.Value.DefaultScheme;
        var asOf = command.AsOf ?? calendar.Today;
        var version = await schemes.FindEffectiveAsync(code, asOf, ct);
        if (version is null)
            return await db.GradingSchemeVersions.AnyAsync(v => v.Code == code, ct)
                ? Error.Field("asOf", $"评级日 {asOf:yyyy-MM-dd} 没有生效的“{code}”方案版本。")
                : Error.Field("scheme", $"分级方案“{code}”不存在。");
        if (command.Filter?.UnitId is { } unitId && !await db.OrgUnits.AnyAsync(u => u.Id == unitId, ct))
            return Error.Field("filter.unitId", "单元不存在。");

        if (await ActiveRunAsync(code, ct) is { } active)
            return Active(code, active);
        var filter = command.Filter ?? new RatingRunFilter();
        var run = new RatingRun(code, version.Version, asOf, JsonSerializer.Serialize(filter, RatingRunFilter.Json), user.StaffId, clock.GetUtcNow());
        db.RatingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the active scheme code: another run was started a moment ago.
            return Active(code, await ActiveRunAsync(code, CancellationToken.None));
        }
        return RatingRunViews.ToDto(run, version.Name, user.DisplayName, clock.GetUtcNow());
    }

    private Task<long?> ActiveRunAsync(string code, CancellationToken ct) =>
        db.RatingRuns.AsNoTracking().Where(r => r.ActiveSchemeCode == code).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    private static Error Active(string code, long? runId) =>
        Error.Conflict("runActive", $"方案“{code}”已有进行中的评级（编号 {runId}），请先完成审核或取消后再发起。");
}
