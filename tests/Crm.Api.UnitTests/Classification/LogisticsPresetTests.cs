using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using static Crm.Api.UnitTests.Classification.GradingSupport;

namespace Crm.Api.UnitTests.Classification;

public class LogisticsPresetTests
{
    private static readonly GradingScheme Scheme = GradingPresets.Logistics();

    /// <summary>Reported figures with settlement on time.</summary>
    private static readonly GradingInput Reported = Plain with { MaxDaysOverdue = 0, AverageMonthlyVolume = 10m };

    [Fact]
    public void Logistics_preset_is_valid() => SchemeValidator.Validate(Scheme).ShouldBeEmpty();

    [Fact]
    public void Logistics_2_000_000_CNY_a_year_is_A()
    {
        var result = Scheme.Grade(Reported with { AnnualOrderAmount = 2_000_000m });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("l-a-amount");
        result.Rule.Conditions.Single().Actual.ShouldBe("2000000");
    }

    [Fact]
    public void Logistics_2_000_000_CNY_a_year_is_A_even_with_unstable_settlement() =>
        Scheme.Grade(Reported with { AnnualOrderAmount = 2_500_000m, BadCredit = true, MaxDaysOverdue = 90 }).Grade.ShouldBe("A");

    [Fact]
    public void Logistics_1_999_999_is_B()
    {
        var result = Scheme.Grade(Reported with { AnnualOrderAmount = 1_999_999m });
        result.Grade.ShouldBe("B");
        result.Rule!.RuleId.ShouldBe("l-b-amount");
    }

    [Fact]
    public void Logistics_200_000_is_B() => Scheme.Grade(Reported with { AnnualOrderAmount = 200_000m }).Grade.ShouldBe("B");

    [Fact]
    public void Logistics_199_999_99_is_C() => Scheme.Grade(Reported with { AnnualOrderAmount = 199_999.99m }).Grade.ShouldBe("C");

    [Fact]
    public void Logistics_2_years_with_stable_settlement_is_A()
    {
        var result = Scheme.Grade(Reported with { CooperationYears = 2, MaxDaysOverdue = 30 });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("l-a-years-stable");
        result.Rule.Conditions.Select(c => c.Actual).ShouldBe(["2", "false", "30"]);
    }

    [Fact]
    public void Logistics_2_years_with_31_days_overdue_is_B()
    {
        var result = Scheme.Grade(Reported with { CooperationYears = 2, MaxDaysOverdue = 31 });
        result.Grade.ShouldBe("B");
        result.Rule!.RuleId.ShouldBe("l-b-years");
    }

    [Fact]
    public void Logistics_2_years_with_bad_credit_is_B() =>
        Scheme.Grade(Reported with { CooperationYears = 2, BadCredit = true }).Grade.ShouldBe("B");

    [Fact]
    public void Logistics_2_years_without_any_reported_month_is_not_stable_so_B() =>
        Scheme.Grade(Plain with { CooperationYears = 2 }).Grade.ShouldBe("B");

    [Fact]
    public void Logistics_5_years_with_unstable_settlement_and_small_amounts_is_C() =>
        Scheme.Grade(Reported with { CooperationYears = 5, MaxDaysOverdue = 60, AnnualOrderAmount = 50_000m }).Grade.ShouldBe("C");

    [Theory]
    [InlineData(1, "B")]
    [InlineData(0, "C")]
    public void Logistics_1_year_is_B_and_less_is_C(int years, string grade) =>
        Scheme.Grade(Reported with { CooperationYears = years, MaxDaysOverdue = 90 }).Grade.ShouldBe(grade);

    [Fact]
    public void Logistics_a_potential_customer_is_D_before_anything_else()
    {
        var result = Scheme.Grade(Reported with { Status = CustomerStatus.Potential, AnnualOrderAmount = 5_000_000m });
        result.Grade.ShouldBe("D");
        result.Rule!.RuleId.ShouldBe("l-d-potential");
    }

    [Fact]
    public void Logistics_nothing_matching_is_the_default_C()
    {
        var result = Scheme.Grade(Reported);
        result.Grade.ShouldBe("C");
        result.Basis.ShouldBe(GradingBasis.Default);
    }
}
