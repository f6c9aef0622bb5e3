using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Deadlines;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>A new customer archive.</summary>
public sealed record CreateCustomerRequest : CustomerFieldsBody
{
    /// <summary>Customer code; generated (KH…) when omitted. Unique.</summary>
    public string? Code { get; init; }
}

public sealed record CreateCustomerCommand : CustomerFieldsBody, ICommand<Result<CustomerDetail>>
{
    public string? Code { get; init; }
}

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        Include(new CustomerFieldsValidator());
        RuleFor(c => c.Code).MaximumLength(32).Matches("^[A-Za-z0-9-]*$").WithMessage("客户编码只能包含字母、数字和连字符。");
    }
}

public sealed class CreateCustomerHandler(CrmDbContext db, UserContext users, TimeProvider clock, ObligationTracker obligations) : ICommandHandler<CreateCustomerCommand, Result<CustomerDetail>>
{
    public async ValueTask<Result<CustomerDetail>> Handle(CreateCustomerCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersWrite))
            return Error.Forbidden("需要客户维护权限（customers.write）。");

        var ownership = await CustomerOwnershipRules.ResolveAsync(db, user, command, current: null, ct);
        if (!ownership.IsSuccess)
            return ownership.Error!;
        var details = command.ToDetails();
        if (await db.Customers.AnyAsync(c => c.CreditCode == UnifiedSocialCreditCode.Normalize(details.CreditCode), ct))
            return Error.Conflict("duplicateCreditCode", "该统一社会信用代码已登记为客户。");
        var code = string.IsNullOrWhiteSpace(command.Code) ? await CustomerOwnershipRules.NewCodeAsync(db, ct) : command.Code.Trim().ToUpperInvariant();
        if (await db.Customers.AnyAsync(c => c.Code == code, ct))
            return Error.Conflict("duplicateCode", $"客户编码 {code} 已被使用。");

        var now = clock.GetUtcNow();
        var o = ownership.Value!;
        var customer = new Customer(code, details, o.OwningUnitId, o.OwnerId, o.ServiceUnitId, o.CoServerIds, command.Tags ?? [], now, user.StaffId);
        customer.RecordHistory(HistoryAction.Created, [new FieldChange("*", null, customer.Name)], now, user.StaffId);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        await obligations.CustomerChangedAsync(customer, [], ct);
        return (await CustomerReader.ReadAsync(db, user, customer.Id, ct))!;
    }
}
