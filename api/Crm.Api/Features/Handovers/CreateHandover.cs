using System.Globalization;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Handovers;

/// <param name="CustomerIds">The leaver's customers to hand over; absent or null hands over every customer they own,
/// archived ones included.</param>
/// <param name="DisableLeaver">Also disable the leaver's account: sign-in stops and their tokens fail on the next request.</param>
/// <param name="MoveCoServing">When everything is handed over (no <paramref name="CustomerIds"/>), the successor also
/// replaces the leaver wherever the leaver co-serves a customer.</param>
public sealed record CreateHandoverRequest(
    long FromStaffId,
    long ToStaffId,
    IReadOnlyList<long>? CustomerIds,
    string Reason,
    bool DisableLeaver = false,
    bool MoveCoServing = true);

public sealed record CreateHandoverCommand(
    long FromStaffId,
    long ToStaffId,
    IReadOnlyList<long>? CustomerIds,
    string Reason,
    bool DisableLeaver,
    bool MoveCoServing) : ICommand<Result<HandoverDetail>>;

public sealed class CreateHandoverValidator : AbstractValidator<CreateHandoverCommand>
{
    public CreateHandoverValidator()
    {
        RuleFor(c => c.FromStaffId).GreaterThan(0);
        RuleFor(c => c.ToStaffId).GreaterThan(0)
            .NotEqual(c => c.FromStaffId).WithMessage("接任者不能是交接人本人。");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Handover.ReasonMaxLength);
        RuleFor(c => c.CustomerIds).Must(ids => ids is null || ids.Count > 0).WithMessage("请至少选择一个客户，或不传 customerIds 以交接全部客户。");
    }
}

/// <summary>
/// Hands a person's customers to their successor in one transaction (客户交接, DOMAIN.md §4): ownership, co-serving,
/// a HandedOver entry in each customer's history, the handover record, and optionally the leaver's account.
/// </summary>
public sealed class CreateHandoverHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<CreateHandoverCommand, Result<HandoverDetail>>
{
    public async ValueTask<Result<HandoverDetail>> Handle(CreateHandoverCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersHandover))
            return Error.Forbidden("需要客户交接权限（customers.handover）。");
        var handoverScope = user.ScopeFor(Permissions.CustomersHandover);

        var leaver = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.FromStaffId, ct);
        if (leaver is null)
            return Error.Field("fromStaffId", "交接人不存在。");
        var successor = await db.Staff.AsNoTracking().Where(s => s.Id == command.ToStaffId && s.IsActive)
            .Select(s => new { s.Id, s.UnitId }).SingleOrDefaultAsync(ct);
        if (successor is null)
            return Error.Field("toStaffId", "接任者不存在或已停用。");
        // The caller must still see what they hand over; the successor's unit becomes the customers' unit.
        if (!handoverScope.Allows(successor.UnitId, null, successor.Id, []))
            return Error.Forbidden("接任者不在您的权限范围内：交接后的客户须仍在您的管理范围内。");
        if (command.DisableLeaver)
        {
            if (leaver.Id == user.StaffId)
                return Error.Field("disableLeaver", "不能在交接中停用自己的账号。");
            if (!handoverScope.Allows(leaver.UnitId, null, leaver.Id, []))
                return Error.Forbidden("交接人不在您的权限范围内，不能停用其账号。");
        }

        // The reach is the scope the caller holds customers.handover with, not everything they may read.
        var reach = db.Customers.Within(handoverScope, db).Include(c => c.CoServers);
        var owned = await LoadOwnedAsync(reach, leaver.Id, command.CustomerIds, ct);
        if (!owned.IsSuccess)
            return owned.Error!;
        var coServed = command.CustomerIds is null && command.MoveCoServing
            ? await reach.Where(c => db.CustomerCoServers.Where(x => x.StaffId == leaver.Id).Select(x => x.CustomerId).Contains(c.Id)).ToListAsync(ct)
            : [];

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (command.DisableLeaver && leaver.IsActive)
        {
            if (await StaffDeactivation.DisableAsync(db, leaver, user.StaffId, now, ct) is { } refused)
                return refused;
            db.MarkAccessChanged();
        }

        var handover = new Handover(leaver.Id, successor.Id, command.Reason, command.DisableLeaver, now, user.StaffId);
        var changed = new List<(Customer Customer, List<FieldChange> Changes)>();
        foreach (var customer in owned.Value!)
        {
            var previousUnitId = customer.OwningUnitId;
            var coServersBefore = CoServerIds(customer);
            var changes = customer.AssignOwnership(successor.UnitId, successor.Id, customer.ServiceUnitId, now, user.StaffId).ToList();
            // AssignOwnership drops the successor from the co-servers when they become the owner; the history says so.
            Customer.AddIfChanged(changes, "coServerIds", coServersBefore, CoServerIds(customer));
            handover.AddOwned(customer.Id, previousUnitId, successor.UnitId);
            changed.Add((customer, changes));
        }
        foreach (var customer in coServed)
        {
            var replaced = customer.CoServers.Select(c => c.StaffId).Where(id => id != leaver.Id).Append(successor.Id).ToList();
            handover.AddCoServed(customer.Id, customer.OwningUnitId, customer.OwnerId);
            changed.Add((customer, customer.SetCoServers(replaced, now, user.StaffId).ToList()));
        }
        db.Handovers.Add(handover);
        await db.SaveChangesAsync(ct);

        // A second save in the same transaction, so that each history entry can point at the record.
        var recordId = new FieldChange("handoverId", null, handover.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var (customer, changes) in changed)
            customer.RecordHistory(HistoryAction.HandedOver, [..changes, recordId], now, user.StaffId);
        await db.SaveChangesAsync(ct);
        if (command.DisableLeaver && !await AdministratorGuard.AnyActiveAdministratorAsync(db, ct))
        {
            await transaction.RollbackAsync(ct);
            return AdministratorGuard.LastAdministrator;
        }
        await transaction.CommitAsync(ct);

        return (await HandoverReader.ReadAsync(db, user, handover.Id, ct))!;
    }

    private static string CoServerIds(Customer customer) => string.Join(",", customer.CoServers.Select(c => c.StaffId).Order());

    private async Task<Result<List<Customer>>> LoadOwnedAsync(IQueryable<Customer> reach, long leaverId, IReadOnlyList<long>? customerIds,
        CancellationToken ct)
    {
        if (customerIds is null)
        {
            var owned = await reach.Where(c => c.OwnerId == leaverId).ToListAsync(ct);
            // Handing over "everything" must not leave the leaver holding archives the caller cannot reach.
            if (await db.Customers.CountAsync(c => c.OwnerId == leaverId, ct) != owned.Count)
                return Error.Forbidden("交接人负责的客户中有不在您权限范围内的，请由上级领导办理全部交接，或选择具体客户。");
            return owned;
        }

        var ids = customerIds.Distinct().ToList();
        var found = await reach.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var missing = ids.Except(found.Select(c => c.Id)).ToList();
        if (missing.Count > 0)
            return new Error(ErrorKind.NotFound, "notFound", $"客户不存在：{string.Join(", ", missing)}。");
        var notOwned = found.Where(c => c.OwnerId != leaverId).Select(c => c.Id).Order().ToList();
        if (notOwned.Count > 0)
            return Error.Field("customerIds", $"以下客户不由交接人负责：{string.Join(", ", notOwned)}。", "notOwnedByLeaver");
        return found;
    }
}
