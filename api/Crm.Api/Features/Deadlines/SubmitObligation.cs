using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Deadlines;

/// <param name="ReportId">The change report; null for the customer's filing.</param>
public sealed record SubmitObligationCommand(long CustomerId, ObligationKind Kind, long? ReportId) : ICommand<Result<ObligationDto>>;

/// <summary>
/// The owning unit submits the 客户基本信息表 (or 维护表): the archive must have every configured required field; the
/// answer otherwise is 400 with one field error per missing field (code <c>filingIncomplete</c>).
/// </summary>
public sealed class SubmitObligationHandler(CrmDbContext db, UserContext users, BusinessClock clock, ObligationReader reader,
    IOptions<DeadlinesOptions> options) : ICommandHandler<SubmitObligationCommand, Result<ObligationDto>>
{
    public async ValueTask<Result<ObligationDto>> Handle(SubmitObligationCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ObligationAccess.CheckMaySubmit(user, customer) is { } refused)
            return refused;
        var obligation = await ObligationAccess.FindObligationAsync(db, customer.Id, command.Kind, command.ReportId, ct);
        if (obligation is null)
            return Error.NotFound(ObligationAccess.What(command.Kind));
        if (!obligation.IsOpen)
            return Error.Conflict("notOpen", obligation.Status == ObligationStatus.Met
                ? $"{ObligationAccess.What(command.Kind)}已被接受，无需再次提交。"
                : $"{ObligationAccess.What(command.Kind)}已提交，正在等待客户管理部门审核。");

        var hasPhone = await db.KeyPersons.AnyAsync(k => k.CustomerId == customer.Id && k.Phone != null && k.Phone != "", ct);
        var missing = ObligationTracker.MissingFilingFields(customer, hasPhone, options.Value.FilingRequiredFieldList);
        if (missing.Count > 0)
            return new Error(ErrorKind.Validation, "filingIncomplete", $"客户基本信息表尚缺 {missing.Count} 项：{string.Join("、", missing)}。",
                missing.ToDictionary(f => f, f => new[] { Label(f) }));

        obligation.Submit(clock.Today, clock.UtcNow, user.StaffId);
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

    private static string Label(string field) => field switch
    {
        "keyPersonWithPhone" => "请至少登记一名有联系电话的客户关键人员。",
        _ => "客户基本信息表的必填项，请先在客户档案中补全。",
    };
}
