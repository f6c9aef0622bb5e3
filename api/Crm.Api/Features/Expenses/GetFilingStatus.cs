using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Expenses;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Expenses;

/// <param name="AsOf">The date to answer for (the expense date); today when left out.</param>
public sealed record GetFilingStatusQuery(long CustomerId, DateOnly? AsOf) : IQuery<Result<FilingStatusDto>>;

/// <summary>For the finance system: was the customer filed as of a date, with the filing record.</summary>
public sealed class GetFilingStatusHandler(CrmDbContext db, UserContext users, BusinessClock clock) : IQueryHandler<GetFilingStatusQuery, Result<FilingStatusDto>>
{
    public async ValueTask<Result<FilingStatusDto>> Handle(GetFilingStatusQuery query, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId)
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        if (customer is null)
            return Error.NotFound("客户");
        var asOf = query.AsOf ?? clock.Today;
        var filing = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.CustomerId == customer.Id && o.Kind == ObligationKind.Filing, ct);
        FilingRecordDto? record = null;
        if (filing is not null)
        {
            var decidedBy = filing.DecidedById is { } id
                ? await db.Staff.AsNoTracking().Where(s => s.Id == id).Select(s => new StaffRef(s.Id, s.DisplayName)).SingleOrDefaultAsync(ct)
                : null;
            record = new FilingRecordDto(filing.Id, filing.Status, filing.TriggeredOn, filing.DueOn, filing.SubmittedOn, filing.MetOn, filing.DecidedAt, decidedBy);
        }
        var metOn = filing?.Status == ObligationStatus.Met ? filing.MetOn : null;
        return new FilingStatusDto(customer.Id, customer.Name, asOf, Reimbursability.FiledAsOf(metOn, asOf), record);
    }
}
