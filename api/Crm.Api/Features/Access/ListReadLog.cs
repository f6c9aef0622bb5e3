using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

/// <param name="From">Reads at or after this instant.</param>
/// <param name="To">Reads before this instant.</param>
public sealed record ListReadLogQuery(long? StaffId, long? CustomerId, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
    : IPageRequest, IQuery<Result<Paged<ReadLogEntryDto>>>;

public sealed class ListReadLogValidator : AbstractValidator<ListReadLogQuery>
{
    public ListReadLogValidator()
    {
        Include(new PageRequestRules<ListReadLogQuery>(capped: true));
        RuleFor(q => q.To)
            .Must((q, to) => q.From is null || to is null || q.From < to)
            .WithMessage("结束时间必须晚于开始时间。");
    }
}

/// <summary>The read log, newest first, for holders of access.auditLog.</summary>
public sealed class ListReadLogHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListReadLogQuery, Result<Paged<ReadLogEntryDto>>>
{
    public async ValueTask<Result<Paged<ReadLogEntryDto>>> Handle(ListReadLogQuery query, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AccessAuditLog))
            return Error.Forbidden("需要查阅日志审计权限（access.auditLog）。");

        var entries = db.ReadLog.AsNoTracking();
        if (query.StaffId is { } staffId)
            entries = entries.Where(e => e.StaffId == staffId);
        if (query.CustomerId is { } customerId)
            entries = entries.Where(e => e.CustomerId == customerId);
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.At >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.At < toUtc);
        }

        var counted = await entries.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new ReadLogEntryDto(e.Id, e.At,
                e.StaffId, db.Staff.Where(s => s.Id == e.StaffId).Select(s => s.DisplayName).First(),
                e.CustomerId, db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Name).First(),
                e.Action, e.Right, e.Client, e.Hash))
            .ToListAsync(ct);
        return new Paged<ReadLogEntryDto>(items, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}
