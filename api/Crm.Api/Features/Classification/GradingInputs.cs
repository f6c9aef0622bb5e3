using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>Loads what a scheme grades: the customer's attributes and its facts in the window before the rating date.</summary>
internal static class GradingInputs
{
    public static async Task<GradingInput> ForAsync(CrmDbContext db, Customer customer, DateOnly asOf, CancellationToken ct)
    {
        var (from, to) = GradingInput.WindowOf(asOf);
        var facts = await db.BusinessFacts.AsNoTracking()
            .Where(f => f.CustomerId == customer.Id && f.Month >= from && f.Month < to)
            .ToListAsync(ct);
        return GradingInput.From(customer, facts, asOf);
    }

    /// <summary>The values a scheme saw, by field name, formatted as in explanations (null: not reported).</summary>
    public static IReadOnlyDictionary<string, string?> Describe(GradingInput input) =>
        GradingFields.All.ToDictionary(f => f.Name, f => FieldValues.Format(f, input.Get(f.Id)));
}
