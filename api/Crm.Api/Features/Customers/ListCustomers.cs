using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <param name="Q">Part of the name (a Chinese substring such as 华信 works), or the start of the code or credit code.</param>
/// <param name="UnitId">Customers owned by this unit, with its sub-units unless <paramref name="IncludeSubUnits"/> is false.</param>
/// <param name="Archived">true lists only archived customers; false (default) only current ones.</param>
/// <param name="Sort">One of <see cref="CustomerSorts.Allowed"/>; a leading '-' sorts descending. Default "-id" (newest first).</param>
public sealed record ListCustomersQuery(
    string? Q,
    string? Grade,
    CustomerStatus? Status,
    CustomerCategory? Category,
    long? OwnerId,
    long? UnitId,
    bool IncludeSubUnits,
    string? Region,
    string? Tag,
    bool Archived,
    string? Sort,
    int Page,
    int PageSize) : IPageRequest, IQuery<Paged<CustomerListItem>>, ICustomerFilterFields;

public static class CustomerSorts
{
    public const string Default = "-id";
    public static readonly IReadOnlyList<string> Allowed = ["id", "name", "code", "grade", "createdAt", "updatedAt"];

    public static bool IsAllowed(string? sort) => sort is null || Allowed.Contains(sort.TrimStart('-'));
}

public sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersValidator()
    {
        Include(new PageRequestRules<ListCustomersQuery>(capped: true));
        Include(new CustomerFilterRules<ListCustomersQuery>());
    }
}

public sealed class ListCustomersHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListCustomersQuery, Paged<CustomerListItem>>
{
    public async ValueTask<Paged<CustomerListItem>> Handle(ListCustomersQuery query, CancellationToken ct)
    {
        var customers = await CustomerListFilter.ApplyAsync(db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db), query, db, ct);

        var counted = await customers.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await CustomerListFilter.Sort(customers, query.Sort)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(c => new CustomerListItem(c.Id, c.Code, c.Name, c.CreditCode, c.Grade, c.Status, c.Category, c.Region,
                c.OwningUnitId, db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).First(),
                c.OwnerId, db.Staff.Where(s => s.Id == c.OwnerId).Select(s => s.DisplayName).First(),
                c.IsArchived, c.UpdatedAt))
            .ToListAsync(ct);
        return new Paged<CustomerListItem>(page, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }
}
