using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

public sealed record OverrideCustomerGradeRequest(string? Grade, string? Reason);

public sealed record OverrideCustomerGradeCommand(long CustomerId, string? Grade, string? Reason, int? ExpectedVersion) : ICommand<Result<GradeChangeDto>>;

public sealed class OverrideCustomerGradeValidator : AbstractValidator<OverrideCustomerGradeCommand>
{
    public OverrideCustomerGradeValidator()
    {
        RuleFor(c => c.Grade).NotEmpty().MaximumLength(8);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("人工调整等级必须填写原因。")
            .Must(r => r is null || r.Trim().Length >= 2).WithMessage("原因至少 2 个字。")
            .MaximumLength(500);
    }
}

/// <summary>
/// 人工调整: a person sets the grade with a reason. The customer is marked overridden, so the next rating run lists it
/// apart instead of replacing the person's decision; the change counts as an up- or downgrade like any other.
/// </summary>
public sealed class OverrideCustomerGradeHandler(
    CrmDbContext db, UserContext users, TimeProvider clock, SchemeCatalog schemes, FactsCalendar calendar, IOptions<ClassificationOptions> options)
    : ICommandHandler<OverrideCustomerGradeCommand, Result<GradeChangeDto>>
{
    public async ValueTask<Result<GradeChangeDto>> Handle(OverrideCustomerGradeCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.VisibleTo(user, db).Include(c => c.CoServers).SingleOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (!CustomerWrites.Reaches(user, Permissions.ClassificationOverride, customer))
            return Error.Forbidden("需要对该客户人工调整等级的权限（classification.override）。");
        if (customer.IsArchived)
            return Error.Conflict("archived", "客户已归档，请先恢复再调整等级。");
        if (command.ExpectedVersion is { } expected && Preconditions.Check(expected, customer.Version) is { } stale)
            return stale;

        var version = await schemes.FindEffectiveAsync(options.Value.DefaultScheme, calendar.Today, ct);
        var grades = version?.Scheme().Grades ?? [];
        var grade = command.Grade!.Trim().ToUpperInvariant();
        if (grades.Count > 0 && grades.All(g => g.Code != grade))
            return Error.Field("grade", $"等级“{grade}”不在当前分级方案中（可选：{string.Join("、", grades.OrderBy(g => g.Order).Select(g => $"{g.Code} {g.Name}"))}）。");

        var now = clock.GetUtcNow();
        var reason = command.Reason!.Trim();
        var before = customer.Grade;
        var changes = customer.ChangeGrade(grade, overridden: true, now, user.StaffId).ToList();
        changes.Add(new FieldChange("gradeReason", null, reason));
        customer.RecordHistory(HistoryAction.GradeOverridden, changes, now, user.StaffId);
        var change = new GradeChange(customer.Id, before, grade, GradeChange.DirectionOf(before, grade, grades), GradeChangeSource.Override, null,
            reason, customer.OwnerId, customer.OwningUnitId, now, user.StaffId);
        db.GradeChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.PreconditionFailed();
        }
        return GradeChangeDto.From(change, new StaffRef(user.StaffId, user.DisplayName), customer.Version);
    }
}

public sealed record GradeChangeDto(
    long Id,
    long CustomerId,
    string? FromGrade,
    string ToGrade,
    GradeDirection Direction,
    GradeChangeSource Source,
    long? RunId,
    string? Reason,
    DateTimeOffset At,
    StaffRef By,
    int? CustomerVersion = null)
{
    public static GradeChangeDto From(GradeChange c, StaffRef by, int? customerVersion = null) =>
        new(c.Id, c.CustomerId, c.FromGrade, c.ToGrade, c.Direction, c.Source, c.RunId, c.Reason, c.At, by, customerVersion);
}
