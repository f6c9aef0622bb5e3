using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Access;

/// <param name="Days">How long the grant should last, 1 to the configured maximum (default 7).</param>
public sealed record CreateAccessRequestRequest(long CustomerId, string Reason, int Days);

public sealed record CreateAccessRequestCommand(long CustomerId, string Reason, int Days) : ICommand<Result<AccessRequestDto>>;

public sealed class CreateAccessRequestValidator : AbstractValidator<CreateAccessRequestCommand>
{
    public CreateAccessRequestValidator(IOptions<AccessRequestOptions> options)
    {
        RuleFor(c => c.CustomerId).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Days).InclusiveBetween(1, options.Value.MaxDays).WithMessage($"查阅期限为 1 至 {options.Value.MaxDays} 天。");
    }
}

/// <summary>Asks to read an archive; the approver is chosen by the policy (own unit → unit manager, else the GM).</summary>
public sealed class CreateAccessRequestHandler(CrmDbContext db, UserContext users, TimeProvider clock, IOptions<ApprovalRoutingOptions> routing)
    : ICommandHandler<CreateAccessRequestCommand, Result<AccessRequestDto>>
{
    public async ValueTask<Result<AccessRequestDto>> Handle(CreateAccessRequestCommand command, CancellationToken ct)
    {
        var user = users.User;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == command.CustomerId && !c.IsArchived)
            .Select(c => new { c.Id, UnitPath = db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Path).First() })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
            return Error.NotFound("客户");
        if (await db.Customers.VisibleTo(user, db).AnyAsync(c => c.Id == customer.Id, ct))
            return Error.Conflict("alreadyVisible", "你已经可以查阅该客户档案，无需申请。");
        if (await db.AccessRequests.AnyAsync(r => r.CustomerId == customer.Id && r.RequesterId == user.StaffId && r.Status == AccessRequestStatus.Pending, ct))
            return Error.Conflict("alreadyRequested", "你对该客户已有待审批的申请。");

        var requesterPath = await db.OrgUnits.Where(u => u.Id == user.UnitId).Select(u => u.Path).SingleAsync(ct);
        var candidates = await db.Staff.AsNoTracking().Where(s => s.IsActive && s.Positions != Domain.Org.Positions.None)
            .Select(s => new ApproverCandidate(s.Id, s.UnitId, s.Unit!.Path, s.Positions)).ToListAsync(ct);
        var (route, approverId) = ApprovalRouting.Route(user.StaffId, requesterPath, customer.UnitPath,
            ApprovalRouting.PathsUpward(requesterPath), candidates, routing.Value);
        if (approverId is null)
            return Error.Conflict("noApprover", "找不到可以审批该申请的人员（部门经理、总经理岗位空缺），请联系管理员。");

        var now = clock.GetUtcNow();
        var request = new AccessRequest(customer.Id, user.StaffId, approverId.Value, route, command.Reason.Trim(), command.Days, now);
        db.AccessRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (await AccessRequestReader.ReadAsync(db, request.Id, now, ct))!;
    }
}
