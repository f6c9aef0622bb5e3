using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Expenses;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Expenses;

public sealed record RecordExpenseRequest(DateOnly SpentOn, ExpenseCategory Category, decimal Amount, string? Description);

public sealed record RecordExpenseCommand(long CustomerId, DateOnly SpentOn, ExpenseCategory Category, decimal Amount, string? Description)
    : ICommand<Result<ExpenseDto>>;

public sealed class RecordExpenseValidator : AbstractValidator<RecordExpenseCommand>
{
    public RecordExpenseValidator(BusinessClock clock)
    {
        RuleFor(c => c.Category).IsInEnum();
        RuleFor(c => c.Amount).GreaterThan(0).LessThan(1_000_000_000m).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.SpentOn).Must(d => d <= clock.Today).WithMessage("费用发生日不能晚于今天。");
        RuleFor(c => c.Description).MaximumLength(Expense.DescriptionMaxLength);
    }
}

/// <summary>Records an entertainment, travel or gift expense for a customer (customers.write reaching it); the answer says whether it is reimbursable.</summary>
public sealed class RecordExpenseHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<RecordExpenseCommand, Result<ExpenseDto>>
{
    public async ValueTask<Result<ExpenseDto>> Handle(RecordExpenseCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (!CustomerWrites.Reaches(user, Permissions.CustomersWrite, customer))
            return Error.Forbidden("需要对该客户的维护权限（customers.write）才能登记费用。");
        var expense = new Expense(customer.Id, command.SpentOn, command.Category, command.Amount, command.Description?.Trim(), clock.UtcNow, user.StaffId);
        db.Expenses.Add(expense);
        await db.SaveChangesAsync(ct);
        return (await ExpenseAccess.ToDtosAsync(db, [expense], await ExpenseAccess.FiledOnAsync(db, customer.Id, ct), ct))[0];
    }
}
