using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Complaints;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

/// <param name="To">The next status (see the complaint's `allowed`).</param>
/// <param name="Substantiated">Leaving the investigation: whether the complaint holds (属实) or not.</param>
/// <param name="ResponsibleUnitId">Leaving the investigation of a substantiated complaint: the responsible unit (required).</param>
/// <param name="ResponsibleStaffId">Optional responsible person.</param>
/// <param name="Finding">Leaving the investigation: the technical department's finding, or the explanation given for an unfounded one.</param>
/// <param name="CorrectiveAction">The corrective action (整改措施); required before a substantiated complaint is archived.</param>
/// <param name="Review">Archiving a substantiated complaint: the review of the corrective action.</param>
public sealed record MoveComplaintRequest(ComplaintStatus To, string? Note, bool? Substantiated, long? ResponsibleUnitId, long? ResponsibleStaffId,
    string? Finding, string? CorrectiveAction, string? Review);

public sealed record MoveComplaintCommand(long CustomerId, long ComplaintId, ComplaintStatus To, string? Note, bool? Substantiated, long? ResponsibleUnitId,
    long? ResponsibleStaffId, string? Finding, string? CorrectiveAction, string? Review) : ICommand<Result<ComplaintDto>>;

public sealed class MoveComplaintValidator : AbstractValidator<MoveComplaintCommand>
{
    public MoveComplaintValidator()
    {
        RuleFor(c => c.To).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(Complaint.TextMaxLength);
        RuleFor(c => c.Finding).MaximumLength(Complaint.TextMaxLength);
        RuleFor(c => c.CorrectiveAction).MaximumLength(Complaint.TextMaxLength);
        RuleFor(c => c.Review).MaximumLength(Complaint.TextMaxLength);
    }
}

/// <summary>Moves a complaint one step; an illegal step answers 409 `illegalTransition` naming both statuses.</summary>
public sealed class MoveComplaintHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<MoveComplaintCommand, Result<ComplaintDto>>
{
    private static readonly Dictionary<ComplaintStatus, string> Names = new()
    {
        [ComplaintStatus.Received] = "已受理",
        [ComplaintStatus.Investigating] = "调查定责",
        [ComplaintStatus.Rework] = "返工整改",
        [ComplaintStatus.Replied] = "已答复",
        [ComplaintStatus.Archived] = "已归档",
    };

    public async ValueTask<Result<ComplaintDto>> Handle(MoveComplaintCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        var complaint = await db.Complaints.Include(c => c.Transitions).SingleOrDefaultAsync(c => c.Id == command.ComplaintId && c.CustomerId == customer.Id, ct);
        if (complaint is null)
            return Error.NotFound("投诉");
        if (ComplaintAccess.CheckMayHandle(user, customer) is { } refused)
            return refused;
        if (command.ResponsibleUnitId is { } unitId && !await db.OrgUnits.AnyAsync(u => u.Id == unitId, ct))
            return Error.Field("responsibleUnitId", "责任单位不存在。");
        if (command.ResponsibleStaffId is { } staffId && !await db.Staff.AnyAsync(s => s.Id == staffId, ct))
            return Error.Field("responsibleStaffId", "责任人不存在。");

        var from = complaint.Status;
        var step = new ComplaintStep(command.Note, command.Substantiated, command.ResponsibleUnitId, command.ResponsibleStaffId, command.Finding,
            command.CorrectiveAction, command.Review);
        var refusal = complaint.MoveTo(command.To, step, clock.Today, clock.UtcNow, user.StaffId);
        switch (refusal)
        {
            case ComplaintRefusal.IllegalTransition:
                return new Error(ErrorKind.Conflict, "illegalTransition",
                    $"投诉不能从“{Names[from]}”（{from}）转到“{Names[command.To]}”（{command.To}）；可转到：" +
                    $"{(Complaint.Allowed(from).Count == 0 ? "无" : string.Join("、", Complaint.Allowed(from).Select(s => $"{Names[s]}（{s}）")))}。");
            case ComplaintRefusal.FindingRequired:
                return Error.Field(command.Substantiated is null ? "substantiated" : "finding", "结束调查须认定投诉是否属实并填写调查结论。");
            case ComplaintRefusal.ResponsibleUnitRequired:
                return Error.Field("responsibleUnitId", "属实的投诉须指明责任单位。");
            case ComplaintRefusal.CorrectiveActionRequired:
                return Error.Field("correctiveAction", "属实的投诉归档前须登记整改措施。");
            case ComplaintRefusal.ReviewRequired:
                return Error.Field("review", "属实的投诉归档时须填写整改措施的复查意见。");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("concurrentChange", "该投诉刚被他人处理，请刷新后再试。");
        }
        return await ComplaintAccess.ToDtoAsync(db, complaint, ct);
    }
}
