using Crm.Api.Domain.Customers;

namespace Crm.Api.Domain.Classification;

/// <summary>
/// A customer's facts totalled over a window: the one definition of how months combine into grading figures. Sums
/// for amounts, volume, profit and referrals; the largest days overdue; on-time ratio averaged over the months that
/// report it; bad credit when any month has it; share of wallet as most recently reported.
/// </summary>
public readonly record struct FactTotals(
    int Months,
    decimal OrderAmount,
    decimal Volume,
    decimal ProfitContribution,
    int MaxDaysOverdue,
    decimal OnTimeSum,
    int OnTimeMonths,
    int Referrals,
    bool BadCredit,
    decimal? LatestShareOfWallet)
{
    public static readonly FactTotals None = new(0, 0, 0, 0, 0, 0, 0, 0, false, null);

    /// <summary>Totals the facts inside [from, toExclusive); others are ignored, duplicates of a month are not expected.</summary>
    public static FactTotals Of(IEnumerable<FactFigures> facts, DateOnly from, DateOnly toExclusive)
    {
        decimal amount = 0, volume = 0, profit = 0, onTimeSum = 0;
        int months = 0, onTimeMonths = 0, referrals = 0, maxOverdue = 0;
        var badCredit = false;
        decimal? share = null;
        var shareMonth = DateOnly.MinValue;
        foreach (var f in facts)
        {
            if (f.Month < from || f.Month >= toExclusive)
                continue;
            months++;
            amount += f.OrderAmount;
            volume += f.Volume;
            profit += f.ProfitContribution;
            referrals += f.Referrals;
            maxOverdue = Math.Max(maxOverdue, f.DaysOverdue);
            badCredit |= f.BadCredit;
            if (f.OnTimePaymentRatio is { } r)
            {
                onTimeSum += r;
                onTimeMonths++;
            }
            if (f.ShareOfWallet is { } s && f.Month >= shareMonth)
            {
                share = s;
                shareMonth = f.Month;
            }
        }
        return new FactTotals(months, amount, volume, profit, maxOverdue, onTimeSum, onTimeMonths, referrals, badCredit, share);
    }
}
