using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Complaints;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Complaints;

/// <param name="ReceivedOn">Business date the complaint came in; today when left out.</param>
public sealed record RegisterComplaintRequest(string Subject, string Description, DateOnly? ReceivedOn);

public sealed record RegisterComplaintCommand(long CustomerId, string Subject, string Description, DateOnly? ReceivedOn) : ICommand<Result<ComplaintDto>>;

public sealed class RegisterComplaintValidator : AbstractValidator<RegisterComplaintCommand>
{
    public RegisterComplaintValidator(BusinessClock clock)
    {
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Complaint.TextMaxLength);
        RuleFor(c => c.ReceivedOn).Must(d => d <= clock.Today).When(c => c.ReceivedOn is not null).WithMessage("受理日期不能晚于今天。");
    }
}

/// <summary>Receives a complaint (受理): it counts for the customer's owning unit until a finding names the responsible one.</summary>
public sealed class RegisterComplaintHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<RegisterComplaintCommand, Result<ComplaintDto>>
{
    public async ValueTask<Result<ComplaintDto>> Handle(RegisterComplaintCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ComplaintAccess.CheckMayRegister(user, customer) is { } refused)
            return refused;
        var complaint = new Complaint(customer.Id, customer.OwningUnitId, command.ReceivedOn ?? clock.Today, command.Subject.Trim(), command.Description.Trim(),
            clock.UtcNow, user.StaffId);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return await ComplaintAccess.ToDtoAsync(db, complaint, ct);
    }
}
