using Crm.Api.Domain.Customers;

namespace Crm.Api.Domain.Classification;

/// <summary>
/// What a scheme grades: a customer's attributes and its business facts aggregated over the window of
/// <see cref="WindowOf"/>. A null figure means nothing was reported for it in the window.
/// </summary>
public sealed record GradingInput(
    EnterpriseNature EnterpriseNature,
    CustomerCategory Category,
    CustomerStatus Status,
    int CooperationYears,
    bool BadCredit,
    RiskFlags RiskFlags,
    decimal AnnualOrderAmount,
    decimal? AverageMonthlyVolume,
    decimal? ShareOfWallet,
    int? MaxDaysOverdue,
    decimal? OnTimePaymentRatio,
    int Referrals,
    decimal ProfitContribution)
{
    /// <summary>
    /// The twelve whole months before the month of <paramref name="asOf"/>: [From, ToExclusive). The current month is
    /// left out because its figures are reported only after it ends (sales departments report monthly).
    /// </summary>
    public static (DateOnly From, DateOnly ToExclusive) WindowOf(DateOnly asOf)
    {
        var to = new DateOnly(asOf.Year, asOf.Month, 1);
        return (to.AddMonths(-12), to);
    }

    public static GradingInput From(Customer customer, IEnumerable<BusinessFact> lastTwelveMonths, DateOnly asOf, bool badCreditOnRecord = false) =>
        From(customer.EnterpriseNature, customer.Category, customer.Status, customer.CooperationStartOn, customer.RiskFlags,
            badCreditOnRecord, lastTwelveMonths.Select(f => f.Figures), asOf);


    /// <summary>
    /// Aggregates the facts inside the window (others are ignored, duplicates of a month are not expected).
    /// Bad credit is the record's flag or any month flagged in the window.
    /// </summary>
    public static GradingInput From(
        EnterpriseNature enterpriseNature,
        CustomerCategory category,
        CustomerStatus status,
        DateOnly? cooperationStartOn,
        RiskFlags riskFlags,
        bool badCreditOnRecord,
        IEnumerable<FactFigures> lastTwelveMonths,
        DateOnly asOf)
    {
        var (from, to) = WindowOf(asOf);
        return From(enterpriseNature, category, status, cooperationStartOn, riskFlags, badCreditOnRecord, FactTotals.Of(lastTwelveMonths, from, to), asOf);
    }

    /// <summary>The input from facts already totalled over the window (as a rating run reads them from the database).</summary>
    public static GradingInput From(
        EnterpriseNature enterpriseNature,
        CustomerCategory category,
        CustomerStatus status,
        DateOnly? cooperationStartOn,
        RiskFlags riskFlags,
        bool badCreditOnRecord,
        FactTotals totals,
        DateOnly asOf) =>
        new(enterpriseNature, category, status,
            Customers.CooperationYears.Between(cooperationStartOn, asOf),
            badCreditOnRecord || totals.BadCredit, riskFlags, totals.OrderAmount,
            totals.Months == 0 ? null : totals.Volume / totals.Months,
            totals.LatestShareOfWallet,
            totals.Months == 0 ? null : totals.MaxDaysOverdue,
            totals.OnTimeMonths == 0 ? null : totals.OnTimeSum / totals.OnTimeMonths,
            totals.Referrals, totals.ProfitContribution);

    /// <summary>The field's value as a number (enum members by their underlying value, booleans 0/1); null when missing.</summary>
    public decimal? Get(GradingFieldId field) => field switch
    {
        GradingFieldId.EnterpriseNature => (int)EnterpriseNature,
        GradingFieldId.Category => (int)Category,
        GradingFieldId.Status => (int)Status,
        GradingFieldId.CooperationYears => CooperationYears,
        GradingFieldId.BadCredit => BadCredit ? 1 : 0,
        GradingFieldId.RiskFlags => (int)RiskFlags,
        GradingFieldId.AnnualOrderAmount => AnnualOrderAmount,
        GradingFieldId.AverageMonthlyVolume => AverageMonthlyVolume,
        GradingFieldId.ShareOfWallet => ShareOfWallet,
        GradingFieldId.MaxDaysOverdue => MaxDaysOverdue,
        GradingFieldId.OnTimePaymentRatio => OnTimePaymentRatio,
        GradingFieldId.Referrals => Referrals,
        GradingFieldId.ProfitContribution => ProfitContribution,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
