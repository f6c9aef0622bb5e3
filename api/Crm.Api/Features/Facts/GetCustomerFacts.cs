using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Facts;

public sealed record GetCustomerFactsQuery(long CustomerId, string? From, string? To) : IQuery<Result<CustomerFactsDto>>;

public sealed class GetCustomerFactsHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog, FactsCalendar calendar,
    IOptions<FactsOptions> options) : IQueryHandler<GetCustomerFactsQuery, Result<CustomerFactsDto>>
{
    public async ValueTask<Result<CustomerFactsDto>> Handle(GetCustomerFactsQuery query, CancellationToken ct)
    {
        var thisMonth = calendar.ThisMonth;
        DateOnly from = default, to = default;
        if (query.To is not null && !BusinessFact.TryParseMonth(query.To, out to))
            return Error.Field("to", FactFieldsValidator.MonthMessage);
        if (query.From is not null && !BusinessFact.TryParseMonth(query.From, out from))
            return Error.Field("from", FactFieldsValidator.MonthMessage);
        // Without bounds: the twelve months up to this one; with one bound, twelve months from or to it.
        if (query.To is null)
            to = query.From is null ? thisMonth : from.AddMonths(11);
        if (query.From is null)
            from = to.AddMonths(-11);
        if (from > to)
            return Error.Field("from", "起始月份不能晚于结束月份。");
        var span = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        if (span > options.Value.MaxRangeMonths)
            return Error.Field("to", $"一次最多查询 {options.Value.MaxRangeMonths} 个月。");

        var customer = await db.Customers.AsNoTracking().VisibleTo(users.User, db)
            .Where(c => c.Id == query.CustomerId)
            .Select(c => new { c.CooperationStartOn })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
            return Error.NotFound("客户");
        await readLog.RecordAsync(query.CustomerId, ReadAction.Facts, ct);

        var months = await db.BusinessFacts.AsNoTracking()
            .Where(f => f.CustomerId == query.CustomerId && f.Month >= from && f.Month <= to)
            .OrderBy(f => f.Month)
            .ToListAsync(ct);
        return new CustomerFactsDto(query.CustomerId, BusinessFact.FormatMonth(from), BusinessFact.FormatMonth(to), customer.CooperationStartOn,
            CooperationYears.Between(customer.CooperationStartOn, calendar.Today), months.Select(FactDto.From).ToList(), FactTotals.Of(months));
    }
}
