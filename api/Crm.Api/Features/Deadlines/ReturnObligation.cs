using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

public sealed record ReturnObligationRequest(string? Reason);

public sealed record ReturnObligationCommand(long CustomerId, ObligationKind Kind, long? ReportId, string? Reason) : ICommand<Result<ObligationDto>>;

public sealed class ReturnObligationValidator : AbstractValidator<ReturnObligationCommand>
{
    public ReturnObligationValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写退回原因。")
            .MaximumLength(Obligation.ReasonMaxLength).WithMessage($"退回原因最多 {Obligation.ReasonMaxLength} 个字符。");
}

/// <summary>The customer-management department returns a submission with a reason; the unit may resubmit. The due date stays.</summary>
public sealed class ReturnObligationHandler(CrmDbContext db, UserContext users, BusinessClock clock, ObligationReader reader)
    : ICommandHandler<ReturnObligationCommand, Result<ObligationDto>>
{
    public async ValueTask<Result<ObligationDto>> Handle(ReturnObligationCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ObligationAccess.CheckMayDecide(user, customer) is { } refused)
            return refused;
        var obligation = await ObligationAccess.FindObligationAsync(db, customer.Id, command.Kind, command.ReportId, ct);
        if (obligation is null)
            return Error.NotFound(ObligationAccess.What(command.Kind));
        if (obligation.Status != ObligationStatus.Submitted)
            return Error.Conflict("notSubmitted", $"{ObligationAccess.What(command.Kind)}尚未提交（或已处理），不能退回。");

        obligation.Return(command.Reason!.Trim(), clock.UtcNow, user.StaffId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("concurrentDecision", "该记录刚被他人处理，请刷新后再试。");
        }
        return await reader.ToDtoAsync(obligation, ct);
    }
}
