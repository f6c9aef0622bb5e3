using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests;

public class BusinessFactTests
{
    private static readonly BusinessFactValues Values = new(1000m, 12.5m, "t", -20m, 3, 0.9m, 0.4m, 1, false, "manual");

    [Theory]
    [InlineData(null, "2026-11-23", 0)]
    [InlineData("2023-11-23", "2026-11-23", 3)]
    [InlineData("2023-11-24", "2026-11-23", 2)]
    [InlineData("2026-12-01", "2026-11-23", 0)]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    [InlineData("2024-02-29", "2025-02-27", 0)]
    // 民法典 §203: with no matching day the period ends on the last day of the month.
    [InlineData("2024-02-29", "2025-02-28", 1)]
    [InlineData("2024-02-29", "2025-03-01", 1)]
    [InlineData("2024-02-29", "2028-02-28", 3)]
    [InlineData("2024-02-29", "2028-02-29", 4)]
    [InlineData("2023-03-01", "2024-02-29", 0)]
    public void Cooperation_years_are_completed_years_since_the_start(string? start, string asOf, int years) =>
        CooperationYears.Between(start is null ? null : DateOnly.Parse(start), DateOnly.Parse(asOf)).ShouldBe(years);

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-3", false)]
    [InlineData("2026-03-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Months_are_read_as_yyyy_MM_only(string? text, bool valid)
    {
        BusinessFact.TryParseMonth(text, out var month).ShouldBe(valid);
        if (valid)
            month.ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void A_fact_is_for_the_first_day_of_a_month() =>
        Should.Throw<ArgumentException>(() => new BusinessFact(1, new DateOnly(2026, 3, 2), Values, DateTimeOffset.UnixEpoch, 1));

    [Fact]
    public void Only_a_real_change_moves_the_version()
    {
        var fact = new BusinessFact(1, new DateOnly(2026, 3, 1), Values, DateTimeOffset.UnixEpoch, 1);

        fact.Update(Values, DateTimeOffset.UnixEpoch.AddDays(1), 2).ShouldBeFalse();
        fact.Version.ShouldBe(1);
        fact.Update(Values with { ShareOfWallet = 0.5m }, DateTimeOffset.UnixEpoch.AddDays(1), 2).ShouldBeTrue();
        fact.Version.ShouldBe(2);
        fact.UpdatedById.ShouldBe(2);
    }
}
