using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Crm.Api.Domain.Activities;
using Crm.Api.Features.Customers;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Activities;

/// <summary>A follow-up activity as a client sends it, for create and update alike.</summary>
public abstract record ActivityBody
{
    public ActivityKind? Kind { get; init; }

    /// <summary>The business date it took place (Asia/Shanghai): not after today, not before 2000.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>Our staff who took part, first the one who led it; defaults to the author (on update: left as recorded).</summary>
    public IReadOnlyList<long>? ParticipantIds { get; init; }

    /// <summary>Key persons of this customer who were met or addressed; left out on update: left as recorded.</summary>
    public IReadOnlyList<long>? KeyPersonIds { get; init; }

    /// <summary>What happened (沟通内容).</summary>
    public string? Notes { get; init; }

    /// <summary>What came of it (结果).</summary>
    public string? Outcome { get; init; }

    /// <summary>What happens next (下一步计划).</summary>
    public string? NextStep { get; init; }

    /// <summary>When the next step is due; needs <see cref="NextStep"/>, not before <see cref="OccurredOn"/>.</summary>
    public DateOnly? NextStepDue { get; init; }
}

public sealed class ActivityFieldsValidator : AbstractValidator<ActivityBody>
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public ActivityFieldsValidator(BusinessClock clock)
    {
        RuleFor(a => a.Kind).NotNull().WithMessage("请选择跟进方式。").IsInEnum();
        RuleFor(a => a.OccurredOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写跟进日期。")
            .Must(d => d >= Earliest).WithMessage("跟进日期不能早于 2000-01-01。")
            .Must(d => d <= clock.Today).WithMessage("跟进日期不能晚于今天。");
        RuleFor(a => a.ParticipantIds).Must(p => p!.Count <= Activity.MaxParticipants).When(a => a.ParticipantIds is not null)
            .WithMessage($"参与人员最多 {Activity.MaxParticipants} 名。")
            .Must(p => p!.Distinct().Count() == p!.Count).When(a => a.ParticipantIds is not null).WithMessage("参与人员不能重复。");
        RuleFor(a => a.KeyPersonIds).Must(k => k!.Count <= Activity.MaxKeyPersons).When(a => a.KeyPersonIds is not null)
            .WithMessage($"客户关键人员最多 {Activity.MaxKeyPersons} 名。")
            .Must(k => k!.Distinct().Count() == k!.Count).When(a => a.KeyPersonIds is not null).WithMessage("客户关键人员不能重复。");
        RuleFor(a => a.Notes).NotEmpty().WithMessage("请填写跟进内容。")
            .MaximumLength(Activity.NotesMaxLength).WithMessage($"跟进内容最多 {Activity.NotesMaxLength} 个字符。");
        RuleFor(a => a.Outcome).MaximumLength(Activity.OutcomeMaxLength).WithMessage($"跟进结果最多 {Activity.OutcomeMaxLength} 个字符。");
        RuleFor(a => a.NextStep).MaximumLength(Activity.NextStepMaxLength).WithMessage($"下一步计划最多 {Activity.NextStepMaxLength} 个字符。");
        RuleFor(a => a.NextStep).NotEmpty().When(a => a.NextStepDue is not null).WithMessage("填写了下一步期限，请同时填写下一步计划。");
        RuleFor(a => a.NextStepDue).GreaterThanOrEqualTo(a => a.OccurredOn!.Value).When(a => a.NextStepDue is not null && a.OccurredOn is not null)
            .WithMessage("下一步期限不能早于跟进日期。");
    }
}

/// <summary>A key person named by an activity.</summary>
public sealed record ActivityKeyPersonRef(long Id, string Name, string? Title);

/// <summary>A follow-up activity (跟进记录). <see cref="Version"/> is also sent as the ETag.</summary>
public sealed record ActivityDto(
    long Id,
    long CustomerId,
    string CustomerName,
    ActivityKind Kind,
    DateOnly OccurredOn,
    IReadOnlyList<StaffRef> Participants,
    IReadOnlyList<ActivityKeyPersonRef> KeyPersons,
    string Notes,
    string? Outcome,
    string? NextStep,
    DateOnly? NextStepDue,
    StaffRef CreatedBy,
    DateTimeOffset CreatedAt,
    StaffRef UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version);

internal static class ActivityMapping
{
    /// <param name="participantIds">Used when the body leaves participants out (null or empty).</param>
    /// <param name="keyPersonIds">Used when the body leaves key persons out (null).</param>
    public static ActivityDetails ToDetails(this ActivityBody body, IReadOnlyList<long> participantIds, IReadOnlyList<long> keyPersonIds) => new(
        body.Kind!.Value, body.OccurredOn!.Value, body.ParticipantIds is { Count: > 0 } ids ? ids : participantIds, body.KeyPersonIds ?? keyPersonIds,
        body.Notes!.Trim(), Blank(body.Outcome), Blank(body.NextStep), body.NextStepDue);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Activities with their participants and key persons loaded, as DTOs: the names come in three batched queries.</summary>
    public static async Task<List<ActivityDto>> ToDtosAsync(this IReadOnlyList<Activity> activities, CrmDbContext db, CancellationToken ct)
    {
        var staffIds = activities.SelectMany(a => a.Participants.Select(p => p.StaffId).Append(a.CreatedById).Append(a.UpdatedById)).Distinct().ToList();
        var keyPersonIds = activities.SelectMany(a => a.KeyPersons.Select(k => k.KeyPersonId)).Distinct().ToList();
        var customerIds = activities.Select(a => a.CustomerId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var persons = await db.KeyPersons.AsNoTracking().Where(k => keyPersonIds.Contains(k.Id))
            .Select(k => new ActivityKeyPersonRef(k.Id, k.Name, k.Title)).ToDictionaryAsync(k => k.Id, ct);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        StaffRef Person(long id) => new(id, staff.GetValueOrDefault(id, ""));
        return activities.Select(a => new ActivityDto(a.Id, a.CustomerId, customers.GetValueOrDefault(a.CustomerId, ""), a.Kind, a.OccurredOn,
            a.Participants.OrderBy(p => p.Position).Select(p => Person(p.StaffId)).ToList(),
            a.KeyPersons.Where(k => persons.ContainsKey(k.KeyPersonId)).Select(k => persons[k.KeyPersonId]).OrderBy(k => k.Id).ToList(),
            a.Notes, a.Outcome, a.NextStep, a.NextStepDue, Person(a.CreatedById), a.CreatedAt, Person(a.UpdatedById), a.UpdatedAt, a.Version)).ToList();
    }

    public static async Task<ActivityDto> ToDtoAsync(this Activity activity, CrmDbContext db, CancellationToken ct) =>
        (await new[] { activity }.ToDtosAsync(db, ct))[0];
}
