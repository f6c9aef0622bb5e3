using System.Linq.Expressions;
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
    int PageSize) : IQuery<Paged<CustomerListItem>>;

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
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageLimits.MaxPageSize);
        RuleFor(q => q)
            .Must(q => (long)q.Page * q.PageSize <= PageLimits.CountCap)
            .OverridePropertyName("page")
            .WithMessage($"只能翻到前 {PageLimits.CountCap} 条记录，请用筛选条件缩小范围。");
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Grade).MaximumLength(8);
        RuleFor(q => q.Region).MaximumLength(50);
        RuleFor(q => q.Tag).MaximumLength(40);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Sort).Must(CustomerSorts.IsAllowed)
            .WithMessage($"不支持的排序字段，可用：{string.Join(", ", CustomerSorts.Allowed)}（前加 - 表示降序）。");
    }
}

public sealed class ListCustomersHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListCustomersQuery, Paged<CustomerListItem>>
{
    public async ValueTask<Paged<CustomerListItem>> Handle(ListCustomersQuery query, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking().VisibleAsSet(users.User.CustomerScope, db).Where(c => c.IsArchived == query.Archived);

        if (!string.IsNullOrWhiteSpace(query.Grade))
        {
            var grade = query.Grade.Trim().ToUpperInvariant();
            customers = customers.Where(c => c.Grade == grade);
        }
        if (query.Status is { } status)
            customers = customers.Where(c => c.Status == status);
        if (query.Category is { } category)
            customers = customers.Where(c => c.Category == category);
        if (query.OwnerId is { } ownerId)
            customers = customers.Where(c => c.OwnerId == ownerId);
        if (query.UnitId is { } unitId)
        {
            if (query.IncludeSubUnits)
            {
                var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
                var unitIds = await db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct);
                customers = customers.Where(c => unitIds.Contains(c.OwningUnitId));
            }
            else
                customers = customers.Where(c => c.OwningUnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(query.Region))
            customers = customers.Where(c => c.Region == query.Region.Trim());
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            customers = customers.Where(c => db.CustomerTags.Where(t => t.Tag == tag).Select(t => t.CustomerId).Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
            customers = customers.Where(Search(query.Q.Trim()));

        var counted = await customers.Take(PageLimits.CountCap + 1).CountAsync(ct);
        var page = await Sort(customers, query.Sort ?? CustomerSorts.Default)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(c => new CustomerListItem(c.Id, c.Code, c.Name, c.CreditCode, c.Grade, c.Status, c.Category, c.Region,
                c.OwningUnitId, db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).First(),
                c.OwnerId, db.Staff.Where(s => s.Id == c.OwnerId).Select(s => s.DisplayName).First(),
                c.IsArchived, c.UpdatedAt))
            .ToListAsync(ct);
        return new Paged<CustomerListItem>(page, query.Page, query.PageSize, Math.Min(counted, PageLimits.CountCap), counted > PageLimits.CountCap);
    }

    /// <summary>
    /// Name substrings go through the bigram index (<see cref="SearchTerms"/>) and are confirmed against the name;
    /// codes and credit codes match by prefix on their unique indexes.
    /// </summary>
    private Expression<Func<Customer, bool>> Search(string text)
    {
        var terms = SearchTerms.ForQuery(text);
        var upper = text.ToUpperInvariant();
        var codeLike = upper.All(char.IsAsciiLetterOrDigit);
        var upperEnd = upper + "\uffff";

        if (terms.Count == 0)
        {
            return codeLike
                ? c => c.Name.Contains(text) || (c.Code.CompareTo(upper) >= 0 && c.Code.CompareTo(upperEnd) < 0)
                       || (c.CreditCode.CompareTo(upper) >= 0 && c.CreditCode.CompareTo(upperEnd) < 0)
                : c => c.Name.Contains(text);
        }

        IQueryable<long> candidates = db.CustomerSearchTerms.Where(t => t.Term == terms[0]).Select(t => t.CustomerId);
        foreach (var term in terms.Skip(1))
            candidates = candidates.Intersect(db.CustomerSearchTerms.Where(t => t.Term == term).Select(t => t.CustomerId));

        return codeLike
            ? c => (candidates.Contains(c.Id) && c.Name.Contains(text))
                   || (c.Code.CompareTo(upper) >= 0 && c.Code.CompareTo(upperEnd) < 0)
                   || (c.CreditCode.CompareTo(upper) >= 0 && c.CreditCode.CompareTo(upperEnd) < 0)
            : c => candidates.Contains(c.Id) && c.Name.Contains(text);
    }

    private static IQueryable<Customer> Sort(IQueryable<Customer> customers, string sort)
    {
        var descending = sort.StartsWith('-');
        return sort.TrimStart('-') switch
        {
            "name" => descending ? customers.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
            "code" => descending ? customers.OrderByDescending(c => c.Code) : customers.OrderBy(c => c.Code),
            "grade" => descending ? customers.OrderByDescending(c => c.Grade).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.Grade).ThenBy(c => c.Id),
            "createdAt" => descending ? customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            "updatedAt" => descending ? customers.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id) : customers.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            _ => descending ? customers.OrderByDescending(c => c.Id) : customers.OrderBy(c => c.Id),
        };
    }
}
