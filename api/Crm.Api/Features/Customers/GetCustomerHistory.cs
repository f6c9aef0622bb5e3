using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using FluentValidation;
using Crm.Api.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record GetCustomerHistoryQuery(long CustomerId, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<CustomerHistoryDto>>>;

public sealed class GetCustomerHistoryValidator : AbstractValidator<GetCustomerHistoryQuery>
{
    public GetCustomerHistoryValidator()
    {
        Include(new PageRequestRules<GetCustomerHistoryQuery>(capped: false));
    }
}

/// <summary>The archive's field-level history, newest first.</summary>
public sealed class GetCustomerHistoryHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<GetCustomerHistoryQuery, Result<Paged<CustomerHistoryDto>>>
{
    public async ValueTask<Result<Paged<CustomerHistoryDto>>> Handle(GetCustomerHistoryQuery query, CancellationToken ct)
    {
        var visible = db.Customers.VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId);
        if (!await visible.AnyAsync(ct))
            return Error.NotFound("客户");
        await readLog.RecordAsync(query.CustomerId, ReadAction.History, ct);
        var entries = db.CustomerHistory.AsNoTracking().Where(h => visible.Select(c => c.Id).Contains(h.CustomerId));
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(h => h.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(h => new CustomerHistoryDto(h.Id, h.ChangeSetId, h.Action, h.Field, h.OldValue, h.NewValue, h.At,
                new StaffRef(h.ByStaffId, db.Staff.Where(s => s.Id == h.ByStaffId).Select(s => s.DisplayName).First())))
            .ToListAsync(ct);
        if (!await SensitiveAccess.MayReadAsync(db, users.User, query.CustomerId, ct))
            items = items.Select(h => h with
            {
                OldValue = SensitiveData.MaskHistoryValue(h.Field, h.OldValue),
                NewValue = SensitiveData.MaskHistoryValue(h.Field, h.NewValue),
            }).ToList();
        return new Paged<CustomerHistoryDto>(items, query.Page, query.PageSize, total, false);
    }
}
