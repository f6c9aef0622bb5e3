using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Deadlines;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>The archive's new state (full replacement). Omitted ownership fields keep their current values.</summary>
public sealed record UpdateCustomerRequest : CustomerFieldsBody;

public sealed record UpdateCustomerCommand : CustomerFieldsBody, ICommand<Result<CustomerDetail>>
{
    public long Id { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator() => Include(new CustomerFieldsValidator());
}

/// <summary>Updates an archive the caller can see; every changed field goes into the history.</summary>
public sealed class UpdateCustomerHandler(CrmDbContext db, UserContext users, TimeProvider clock, ObligationTracker obligations) : ICommandHandler<UpdateCustomerCommand, Result<CustomerDetail>>
{
    public async ValueTask<Result<CustomerDetail>> Handle(UpdateCustomerCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.VisibleTo(user, db)
            .Include(c => c.CoServers).Include(c => c.Tags).Include(c => c.SearchTerms)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (Preconditions.Check(command.ExpectedVersion, customer.Version) is { } stale)
            return stale;
        if (CustomerWrites.CheckWritable(user, customer) is { } refused)
            return refused;

        var current = new CustomerOwnership(customer.OwningUnitId, customer.OwnerId, customer.ServiceUnitId, customer.CoServers.Select(c => c.StaffId).ToList());
        var ownership = await CustomerOwnershipRules.ResolveAsync(db, user, command, current, ct);
        if (!ownership.IsSuccess)
            return ownership.Error!;
        var details = command.ToDetails();
        // The grade moves only through an approved rating or an override with a reason, so that every change is
        // explained and counted; the form may echo it or leave it out.
        if (string.IsNullOrWhiteSpace(command.Grade))
            details = details with { Grade = customer.Grade };
        else if (details.Grade != customer.Grade)
            return Error.Field("grade", $"等级不能在档案中直接修改：请通过评级审核，或人工调整并填写原因（POST /api/v1/customers/{customer.Id}/grade-override）。",
                "gradeNotEditable");
        var creditCode = UnifiedSocialCreditCode.Normalize(details.CreditCode);
        if (creditCode != customer.CreditCode && await db.Customers.AnyAsync(c => c.CreditCode == creditCode && c.Id != customer.Id, ct))
            return Error.Conflict("duplicateCreditCode", "该统一社会信用代码已登记为其他客户。");

        var now = clock.GetUtcNow();
        var o = ownership.Value!;
        var changes = new List<FieldChange>();
        changes.AddRange(customer.Update(details, now, user.StaffId));
        changes.AddRange(customer.AssignOwnership(o.OwningUnitId, o.OwnerId, o.ServiceUnitId, now, user.StaffId));
        changes.AddRange(customer.SetCoServers(o.CoServerIds, now, user.StaffId));
        if (command.Tags is not null)
            changes.AddRange(customer.SetTags(command.Tags, now, user.StaffId));
        if (changes.Count > 0)
        {
            customer.RecordHistory(HistoryAction.Updated, changes, now, user.StaffId);
            await db.SaveChangesAsync(ct);
            await obligations.CustomerChangedAsync(customer, changes.Select(c => c.Field), ct);
        }
        // Re-read through the visibility rule: an update may have moved the customer out of the caller's sight.
        return await CustomerReader.ReadAsync(db, user, customer.Id, ct) is { } detail ? detail : Error.NotFound("客户");
    }
}
