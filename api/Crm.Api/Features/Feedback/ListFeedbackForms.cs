using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Facts;
using Crm.Api.Features.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Feedback;

/// <param name="Month">yyyy-MM.</param>
/// <param name="UnitId">The unit the forms count for (+ <paramref name="IncludeSubUnits"/>).</param>
/// <param name="Grade">The customer's grade at submission.</param>
public sealed record ListFeedbackFormsQuery(string? Month, long? UnitId, bool IncludeSubUnits, long? CustomerId, string? Grade, int Page, int PageSize)
    : IPageRequest, IQuery<Paged<FeedbackFormDto>>;

public sealed class ListFeedbackFormsValidator : AbstractValidator<ListFeedbackFormsQuery>
{
    public ListFeedbackFormsValidator()
    {
        Include(new PageRequestRules<ListFeedbackFormsQuery>(capped: true));
        RuleFor(q => q.Month).Must(m => BusinessFact.TryParseMonth(m, out _)).When(q => q.Month is not null).WithMessage(FactFieldsValidator.MonthMessage);
        RuleFor(q => q.Grade).MaximumLength(8);
    }
}

/// <summary>Feedback forms about every customer the caller may see, newest month first.</summary>
public sealed class ListFeedbackFormsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListFeedbackFormsQuery, Paged<FeedbackFormDto>>
{
    public async ValueTask<Paged<FeedbackFormDto>> Handle(ListFeedbackFormsQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Select(c => c.Id);
        var forms = db.FeedbackForms.AsNoTracking().Where(f => visible.Contains(f.CustomerId));
        if (BusinessFact.TryParseMonth(query.Month, out var month))
            forms = forms.Where(f => f.Month == month);
        if (query.CustomerId is { } customerId)
            forms = forms.Where(f => f.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(query.Grade))
            forms = forms.Where(f => f.Grade == query.Grade.Trim());
        if (query.UnitId is { } unitId)
        {
            var unitIds = await UnitFilter.UnitIdsAsync(db, unitId, query.IncludeSubUnits, ct) ?? [];
            forms = forms.Where(x => unitIds.Contains(x.UnitId));
        }

        var counted = await forms.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await forms.OrderByDescending(f => f.Month).ThenByDescending(f => f.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(ct);
        return new Paged<FeedbackFormDto>(await page.ToDtosAsync(db, ct), query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap),
            counted > PageLimits.CountCap);
    }
}
