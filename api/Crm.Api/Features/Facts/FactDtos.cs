using System.ComponentModel.DataAnnotations;
using Crm.Api.Domain.Customers;
using FluentValidation;

namespace Crm.Api.Features.Facts;

public sealed class FactsOptions
{
    public const string Section = "Facts";

    /// <summary>A bulk request with more rows is refused (400): large loads are split by the client.</summary>
    [Range(1, 100_000)]
    public int MaxBulkRows { get; set; } = 5_000;

    /// <summary>The longest range, in months, one read of a customer's facts may span.</summary>
    [Range(1, 1_200)]
    public int MaxRangeMonths { get; set; } = 120;

    /// <summary>The time zone whose calendar decides "today" (cooperation years, the default range).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

public static class FactsSetup
{
    public static IServiceCollection AddBusinessFacts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FactsOptions>().Bind(configuration.GetSection(FactsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FactsCalendar>();
        return services;
    }
}

/// <summary>Today's date where the business is.</summary>
public sealed class FactsCalendar(Microsoft.Extensions.Options.IOptions<FactsOptions> options, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>The instant a business day begins (midnight where the business is).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            // Containers without tzdata: China has kept UTC+8 without daylight saving since 1991.
            : TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
}

/// <summary>The figures of one month as clients send them; absent counts default to 0, the unit to tonnes.</summary>
public abstract record FactBody
{
    public decimal? OrderAmount { get; init; }
    public decimal? Volume { get; init; }
    public string? VolumeUnit { get; init; }
    public decimal? ProfitContribution { get; init; }
    public int? DaysOverdue { get; init; }
    public decimal? OnTimePaymentRatio { get; init; }
    public decimal? ShareOfWallet { get; init; }
    public int? Referrals { get; init; }
    public bool? BadCredit { get; init; }
    public string? Source { get; init; }

    public BusinessFactValues ToValues() => new(
        OrderAmount ?? 0, Volume ?? 0,
        string.IsNullOrWhiteSpace(VolumeUnit) ? BusinessFact.DefaultVolumeUnit : VolumeUnit.Trim(),
        ProfitContribution ?? 0, DaysOverdue ?? 0, OnTimePaymentRatio, ShareOfWallet, Referrals ?? 0, BadCredit ?? false,
        string.IsNullOrWhiteSpace(Source) ? BusinessFact.DefaultSource : Source.Trim());
}

public sealed class FactFieldsValidator : AbstractValidator<FactBody>
{
    public const string MonthMessage = "月份应为 yyyy-MM 格式（如 2026-03）。";

    public FactFieldsValidator()
    {
        RuleFor(f => f.OrderAmount).NotNull().WithMessage("请填写订单金额（元）。")
            .GreaterThanOrEqualTo(0).WithMessage("订单金额不能为负数。")
            .PrecisionScale(15, 2, true).WithMessage("订单金额最多 13 位整数、2 位小数。");
        RuleFor(f => f.Volume).GreaterThanOrEqualTo(0).WithMessage("销量不能为负数。")
            .PrecisionScale(15, 3, true).WithMessage("销量最多 12 位整数、3 位小数。");
        RuleFor(f => f.VolumeUnit).MaximumLength(10).WithMessage("计量单位最多 10 个字符。");
        // Bounds that keep a rating run's sums exact when the database adds them up (see FactWindowReader).
        RuleFor(f => f.ProfitContribution).PrecisionScale(15, 2, true).WithMessage("利润贡献最多 13 位整数、2 位小数。");
        RuleFor(f => f.DaysOverdue).GreaterThanOrEqualTo(0).WithMessage("逾期天数不能为负数。")
            .LessThanOrEqualTo(3660).WithMessage("逾期天数不能超过 3660 天。");
        RuleFor(f => f.OnTimePaymentRatio).InclusiveBetween(0, 1).WithMessage("按时回款比例应在 0 到 1 之间。")
            .PrecisionScale(5, 4, true).WithMessage("按时回款比例最多 4 位小数。");
        RuleFor(f => f.ShareOfWallet).InclusiveBetween(0, 1).WithMessage("采购份额应在 0 到 1 之间。")
            .PrecisionScale(5, 4, true).WithMessage("采购份额最多 4 位小数。");
        RuleFor(f => f.Referrals).GreaterThanOrEqualTo(0).WithMessage("转介绍数不能为负数。")
            .LessThanOrEqualTo(100_000).WithMessage("转介绍数过大。");
        RuleFor(f => f.Source).MaximumLength(40).WithMessage("来源最多 40 个字符。");
    }
}

public sealed record FactDto(
    string Month,
    decimal OrderAmount,
    decimal Volume,
    string VolumeUnit,
    decimal ProfitContribution,
    int DaysOverdue,
    decimal? OnTimePaymentRatio,
    decimal? ShareOfWallet,
    int Referrals,
    bool BadCredit,
    string Source,
    DateTimeOffset UpdatedAt,
    long UpdatedById,
    int Version)
{
    public static FactDto From(BusinessFact f) => new(BusinessFact.FormatMonth(f.Month), f.OrderAmount, f.Volume, f.VolumeUnit,
        f.ProfitContribution, f.DaysOverdue, f.OnTimePaymentRatio, f.ShareOfWallet, f.Referrals, f.BadCredit, f.Source, f.UpdatedAt,
        f.UpdatedById, f.Version);
}

/// <param name="AverageMonthlyVolume">Over the months with figures; <paramref name="VolumeUnit"/> is null when they mix units.</param>
/// <param name="LatestShareOfWallet">From the latest month that has a share.</param>
public sealed record FactTotals(
    int MonthsWithData,
    decimal OrderAmount,
    decimal ProfitContribution,
    decimal? AverageMonthlyVolume,
    string? VolumeUnit,
    decimal? LatestShareOfWallet,
    int MaxDaysOverdue,
    int Referrals,
    bool AnyBadCredit)
{
    public static FactTotals Of(IReadOnlyList<BusinessFact> months)
    {
        var units = months.Select(f => f.VolumeUnit).Distinct().ToList();
        return new FactTotals(
            months.Count,
            months.Sum(f => f.OrderAmount),
            months.Sum(f => f.ProfitContribution),
            months.Count == 0 ? null : Math.Round(months.Average(f => f.Volume), 3),
            units.Count == 1 ? units[0] : null,
            months.LastOrDefault(f => f.ShareOfWallet is not null)?.ShareOfWallet,
            months.Count == 0 ? 0 : months.Max(f => f.DaysOverdue),
            months.Sum(f => f.Referrals),
            months.Any(f => f.BadCredit));
    }
}

public sealed record CustomerFactsDto(
    long CustomerId,
    string From,
    string To,
    DateOnly? CooperationStartOn,
    int CooperationYears,
    IReadOnlyList<FactDto> Months,
    FactTotals Totals);
