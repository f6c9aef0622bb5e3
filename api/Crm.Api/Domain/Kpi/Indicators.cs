namespace Crm.Api.Domain.Kpi;

/// <summary>The ratios of the account-manager indicators (DOMAIN.md §7), rounded to four decimals; null when the base is zero.</summary>
public static class IndicatorRates
{
    /// <summary>(current − previous) / previous: the key customers' revenue growth.</summary>
    public static decimal? Growth(decimal current, decimal previous) =>
        previous == 0 ? null : Math.Round((current - previous) / previous, 4, MidpointRounding.AwayFromZero);

    /// <summary>part / whole: the new-customer development rate (new / customers at the start) and the churn rate (lost / customers at the start).</summary>
    public static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
