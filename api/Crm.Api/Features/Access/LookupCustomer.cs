using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Access;

/// <summary>Exact full name or exact credit code; no partial matches, so the lookup cannot be used to browse customers.</summary>
public sealed record LookupCustomerQuery(string? Name, string? CreditCode) : IQuery<IReadOnlyList<CustomerLookupResult>>;

public sealed class LookupCustomerValidator : AbstractValidator<LookupCustomerQuery>
{
    public LookupCustomerValidator()
    {
        RuleFor(q => q).Must(q => !string.IsNullOrWhiteSpace(q.Name) || !string.IsNullOrWhiteSpace(q.CreditCode))
            .OverridePropertyName("name").WithMessage("请提供客户全称或统一社会信用代码。");
        RuleFor(q => q.Name).MaximumLength(200);
        RuleFor(q => q.CreditCode).MaximumLength(18);
    }
}

/// <summary>Finds the customer to ask access for: its id and owning unit only, never the archive.</summary>
public sealed class LookupCustomerHandler(CrmDbContext db, UserContext users) : IQueryHandler<LookupCustomerQuery, IReadOnlyList<CustomerLookupResult>>
{
    public async ValueTask<IReadOnlyList<CustomerLookupResult>> Handle(LookupCustomerQuery query, CancellationToken ct)
    {
        var name = query.Name?.Trim();
        var code = query.CreditCode is null ? null : UnifiedSocialCreditCode.Normalize(query.CreditCode);
        var matches = await db.Customers.AsNoTracking()
            .Where(c => !c.IsArchived && ((name != null && c.Name == name) || (code != null && c.CreditCode == code)))
            .Take(5)
            .Select(c => new { c.Id, c.Name, c.OwningUnitId, UnitName = db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).First() })
            .ToListAsync(ct);
        var ids = matches.Select(m => m.Id).ToList();
        var visible = await db.Customers.VisibleTo(users.User, db).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return matches.Select(m => new CustomerLookupResult(m.Id, m.Name, m.OwningUnitId, m.UnitName, visible.Contains(m.Id))).ToList();
    }
}
