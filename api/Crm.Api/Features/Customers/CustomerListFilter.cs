using System.Linq.Expressions;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>The filters of the customer list, shared by every request that selects customers the way the list does.</summary>
public interface ICustomerFilterFields
{
    string? Q { get; }
    string? Grade { get; }
    CustomerStatus? Status { get; }
    CustomerCategory? Category { get; }
    long? OwnerId { get; }
    long? UnitId { get; }
    bool IncludeSubUnits { get; }
    string? Region { get; }
    string? Tag { get; }
    bool Archived { get; }
    string? Sort { get; }
}

/// <summary>The list's filters as a value (stored with export jobs as JSON).</summary>
public sealed record CustomerFilter(
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
    string? Sort) : ICustomerFilterFields
{
    public static CustomerFilter From(ICustomerFilterFields f) =>
        new(f.Q, f.Grade, f.Status, f.Category, f.OwnerId, f.UnitId, f.IncludeSubUnits, f.Region, f.Tag, f.Archived, f.Sort);
}

/// <summary>The list's filter rules, included by each validator of a request that carries the filters.</summary>
public sealed class CustomerFilterRules<T> : AbstractValidator<T> where T : ICustomerFilterFields
{
    public CustomerFilterRules()
    {
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

/// <summary>Filter, search and sort of the customer list; the caller applies visibility first.</summary>
internal static class CustomerListFilter
{
    public static async Task<IQueryable<Customer>> ApplyAsync(IQueryable<Customer> customers, ICustomerFilterFields filter, CrmDbContext db, CancellationToken ct)
    {
        customers = customers.Where(c => c.IsArchived == filter.Archived);

        if (!string.IsNullOrWhiteSpace(filter.Grade))
        {
            var grade = filter.Grade.Trim().ToUpperInvariant();
            customers = customers.Where(c => c.Grade == grade);
        }
        if (filter.Status is { } status)
            customers = customers.Where(c => c.Status == status);
        if (filter.Category is { } category)
            customers = customers.Where(c => c.Category == category);
        if (filter.OwnerId is { } ownerId)
            customers = customers.Where(c => c.OwnerId == ownerId);
        if (filter.UnitId is { } unitId)
        {
            if (filter.IncludeSubUnits)
            {
                var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
                var unitIds = await db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct);
                customers = customers.Where(c => unitIds.Contains(c.OwningUnitId));
            }
            else
                customers = customers.Where(c => c.OwningUnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            customers = customers.Where(c => c.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim();
            customers = customers.Where(c => db.CustomerTags.Where(t => t.Tag == tag).Select(t => t.CustomerId).Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
            customers = customers.Where(Search(filter.Q.Trim(), db));
        return customers;
    }

    /// <summary>
    /// Name substrings go through the bigram index (<see cref="SearchTerms"/>) and are confirmed against the name;
    /// codes and credit codes match by prefix on their unique indexes.
    /// </summary>
    private static Expression<Func<Customer, bool>> Search(string text, CrmDbContext db)
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

    public static IQueryable<Customer> Sort(IQueryable<Customer> customers, string? sort)
    {
        sort ??= CustomerSorts.Default;
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
