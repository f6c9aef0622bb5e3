using System.Globalization;

namespace Crm.Api.Domain.Customers;

/// <summary>The figures of one customer-month as entered.</summary>
public sealed record BusinessFactValues(
    decimal OrderAmount,
    decimal Volume,
    string VolumeUnit,
    decimal ProfitContribution,
    int DaysOverdue,
    decimal? OnTimePaymentRatio,
    decimal? ShareOfWallet,
    int Referrals,
    bool BadCredit,
    string Source);

/// <summary>The figures of one customer-month that grading reads (what a rating run loads for a million customers).</summary>
public readonly record struct FactFigures(
    long CustomerId,
    DateOnly Month,
    decimal OrderAmount,
    decimal Volume,
    decimal ProfitContribution,
    int DaysOverdue,
    decimal? OnTimePaymentRatio,
    decimal? ShareOfWallet,
    int Referrals,
    bool BadCredit);

/// <summary>经营数据: a customer's business with us in one calendar month, the input of classification.</summary>
public sealed class BusinessFact : ISynced
{
    public const string DefaultVolumeUnit = "t";
    public const string DefaultSource = "manual";

    private BusinessFact() { }

    public BusinessFact(long customerId, DateOnly month, BusinessFactValues values, DateTimeOffset now, long byStaffId)
    {
        if (!IsMonth(month))
            throw new ArgumentException("A fact's month is the first day of a month.", nameof(month));
        CustomerId = customerId;
        Month = month;
        Apply(values);
        UpdatedAt = now;
        UpdatedById = byStaffId;
        Version = 1;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>The first day of the month the figures are for.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>订单金额, CNY.</summary>
    public decimal OrderAmount { get; private set; }

    public decimal Volume { get; private set; }
    public string VolumeUnit { get; private set; } = DefaultVolumeUnit;

    /// <summary>利润贡献, CNY; a loss-making month is negative.</summary>
    public decimal ProfitContribution { get; private set; }

    public int DaysOverdue { get; private set; }
    public decimal? OnTimePaymentRatio { get; private set; }

    /// <summary>Our products' share of the customer's purchases (0–1).</summary>
    public decimal? ShareOfWallet { get; private set; }

    public int Referrals { get; private set; }
    public bool BadCredit { get; private set; }
    public string Source { get; private set; } = DefaultSource;
    public DateTimeOffset UpdatedAt { get; private set; }
    public long UpdatedById { get; private set; }
    public int Version { get; private set; }
    public long ChangeSeq { get; private set; }

    public void StampChange(long sequence) => ChangeSeq = sequence;

    public FactFigures Figures =>
        new(CustomerId, Month, OrderAmount, Volume, ProfitContribution, DaysOverdue, OnTimePaymentRatio, ShareOfWallet, Referrals, BadCredit);

    public BusinessFactValues Values =>
        new(OrderAmount, Volume, VolumeUnit, ProfitContribution, DaysOverdue, OnTimePaymentRatio, ShareOfWallet, Referrals, BadCredit, Source);

    /// <summary>Replaces the figures; false (and no new version) when nothing differs.</summary>
    public bool Update(BusinessFactValues values, DateTimeOffset now, long byStaffId)
    {
        if (values == Values)
            return false;
        Apply(values);
        UpdatedAt = now;
        UpdatedById = byStaffId;
        Version++;
        return true;
    }

    private void Apply(BusinessFactValues v)
    {
        OrderAmount = v.OrderAmount;
        Volume = v.Volume;
        VolumeUnit = v.VolumeUnit.Trim();
        ProfitContribution = v.ProfitContribution;
        DaysOverdue = v.DaysOverdue;
        OnTimePaymentRatio = v.OnTimePaymentRatio;
        ShareOfWallet = v.ShareOfWallet;
        Referrals = v.Referrals;
        BadCredit = v.BadCredit;
        Source = v.Source.Trim();
    }

    public static bool IsMonth(DateOnly day) => day.Day == 1;

    /// <summary>Reads a month written as <c>yyyy-MM</c> (e.g. 2026-03) as its first day.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        return text is { Length: 7 }
               && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }

    public static string FormatMonth(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>合作年限: how long a customer has worked with us.</summary>
public static class CooperationYears
{
    /// <summary>Completed years from <paramref name="start"/> to <paramref name="asOf"/>; 0 when there is no start or it lies ahead.
    /// A start on 29 February completes its years on 28 February of common years (民法典 §203: no matching day → month end).</summary>
    public static int Between(DateOnly? start, DateOnly asOf)
    {
        if (start is not { } s || asOf <= s)
            return 0;
        var years = asOf.Year - s.Year;
        if (s.AddYears(years) > asOf)
            years--;
        return Math.Max(0, years);
    }
}
