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

/// <param name="ReceivedOn">Business date the praise came in; today when left out.</param>
/// <param name="PraisedStaffId">The person the customer praised, when it named one.</param>
public sealed record RecordPraiseRequest(string Content, DateOnly? ReceivedOn, long? PraisedStaffId);

public sealed record RecordPraiseCommand(long CustomerId, string Content, DateOnly? ReceivedOn, long? PraisedStaffId) : ICommand<Result<PraiseDto>>;

public sealed class RecordPraiseValidator : AbstractValidator<RecordPraiseCommand>
{
    public RecordPraiseValidator(BusinessClock clock)
    {
        RuleFor(c => c.Content).NotEmpty().MaximumLength(Praise.TextMaxLength);
        RuleFor(c => c.ReceivedOn).Must(d => d <= clock.Today).When(c => c.ReceivedOn is not null).WithMessage("表扬日期不能晚于今天。");
    }
}

/// <summary>Records a customer's praise (客户表扬); whoever may register the customer's complaints may record its praises.</summary>
public sealed class RecordPraiseHandler(CrmDbContext db, UserContext users, BusinessClock clock) : ICommandHandler<RecordPraiseCommand, Result<PraiseDto>>
{
    public async ValueTask<Result<PraiseDto>> Handle(RecordPraiseCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await CustomerWrites.FindVisibleAsync(db, user, command.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (ComplaintAccess.CheckMayRegister(user, customer, "表扬") is { } refused)
            return refused;
        var unitId = customer.OwningUnitId;
        if (command.PraisedStaffId is { } staffId)
        {
            var praised = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.IsActive).Select(s => (long?)s.UnitId).SingleOrDefaultAsync(ct);
            if (praised is null)
                return Error.Field("praisedStaffId", "没有这位在职员工。");
            unitId = praised.Value;
        }
        var praise = new Praise(customer.Id, unitId, command.PraisedStaffId, command.ReceivedOn ?? clock.Today, command.Content.Trim(), clock.UtcNow, user.StaffId);
        db.Praises.Add(praise);
        await db.SaveChangesAsync(ct);
        return (await PraiseDtos.ToDtosAsync(db, [praise], ct))[0];
    }
}
