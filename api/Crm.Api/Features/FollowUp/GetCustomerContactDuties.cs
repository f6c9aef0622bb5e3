using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.FollowUp;
using Crm.Api.Features.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.FollowUp;

/// <param name="AsOf">The day whose week, month and year count; today when left out.</param>
public sealed record GetCustomerContactDutiesQuery(long CustomerId, DateOnly? AsOf) : IQuery<Result<CustomerContactDutiesDto>>;

/// <param name="Responsible">Who holds the role today (for the company leaders: all of them; any one's contact counts).</param>
public sealed record ContactDutyStatus(ContactRole Role, IReadOnlyList<StaffRef> Responsible, ContactKind Kind, int Required, ContactPeriod Period,
    DateOnly PeriodFrom, DateOnly PeriodTo, int Done, int Missing);

public sealed record CustomerContactDutiesDto(long CustomerId, string? Grade, DateOnly AsOf, IReadOnlyList<ContactDutyStatus> Duties);

/// <summary>联系频次: each rule for the customer's grade, in the period that contains the date — required, done (from activities), missing.</summary>
public sealed class GetCustomerContactDutiesHandler(CrmDbContext db, UserContext users, BusinessClock clock, IOptions<FollowUpOptions> options)
    : IQueryHandler<GetCustomerContactDutiesQuery, Result<CustomerContactDutiesDto>>
{
    public async ValueTask<Result<CustomerContactDutiesDto>> Handle(GetCustomerContactDutiesQuery query, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(users.User, db).SingleOrDefaultAsync(c => c.Id == query.CustomerId, ct);
        if (customer is null)
            return Error.NotFound("客户");
        var asOf = query.AsOf ?? clock.Today;
        var duties = new List<ContactDutyStatus>();
        foreach (var rule in options.Value.EffectiveContactRules().Where(r => r.Grade == customer.Grade))
        {
            var (from, to) = ContactRules.PeriodContaining(asOf, rule.Period);
            var holders = ContactDuties.Holders(db, rule.Role, customer.OwningUnitId, customer.OwnerId);
            var responsible = await db.Staff.Where(s => holders.Contains(s.Id)).OrderBy(s => s.Id)
                .Select(s => new StaffRef(s.Id, s.DisplayName)).ToListAsync(ct);
            var done = await ContactDuties.CountAsync(db, customer.Id, rule.Kind, from, to, holders, ct);
            duties.Add(new ContactDutyStatus(rule.Role, responsible, rule.Kind, rule.Times, rule.Period, from, to, done, Math.Max(0, rule.Times - done)));
        }
        return new CustomerContactDutiesDto(customer.Id, customer.Grade, asOf, duties);
    }
}
