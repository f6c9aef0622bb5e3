using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Deadlines;

public sealed record AcceptObligationCommand(long CustomerId, ObligationKind Kind, long? ReportId) : ICommand<Result<ObligationDto>>;

/// <summary>The customer-management department accepts a submission: the obligation is met as of the submission's date.</summary>
public sealed class AcceptObligationHandler(CrmDbContext db, UserContext users, BusinessClock clock, ObligationReader reader)
    : ICommandHandler<AcceptObligationCommand, Result<ObligationDto>>
{
    public async ValueTask<Result<ObligationDto>> Handle(AcceptObligationCommand command, CancellationToken ct)
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
            return Error.Conflict("notSubmitted", $"{ObligationAccess.What(command.Kind)}尚未提交（或已处理），不能接受。");

        obligation.Accept(clock.UtcNow, user.StaffId);
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
