using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using static Crm.Api.UnitTests.Classification.GradingSupport;

namespace Crm.Api.UnitTests.Classification;

public class ManufacturerPresetTests
{
    private static readonly GradingScheme Scheme = GradingPresets.Manufacturer();

    private static readonly GradingInput FirstTier = Plain with { Category = CustomerCategory.FirstTierAgent };
    private static readonly GradingInput SecondTier = Plain with { Category = CustomerCategory.SecondTierAgent };

    [Fact]
    public void Manufacturer_preset_is_valid() => SchemeValidator.Validate(Scheme).ShouldBeEmpty();

    [Theory]
    [InlineData(EnterpriseNature.JointVenture)]
    [InlineData(EnterpriseNature.WhollyOwnedSubsidiary)]
    public void Manufacturer_a_joint_venture_is_A(EnterpriseNature nature)
    {
        var result = Scheme.Grade(Plain with { EnterpriseNature = nature });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("m-a-jv");
    }

    [Fact]
    public void Manufacturer_a_potential_joint_venture_is_still_A() =>
        Scheme.Grade(Plain with { EnterpriseNature = EnterpriseNature.JointVenture, Status = CustomerStatus.Potential }).Grade.ShouldBe("A");

    [Fact]
    public void Manufacturer_a_first_tier_agent_with_5000_tonnes_a_month_and_no_bad_credit_is_A()
    {
        var result = Scheme.Grade(FirstTier with { AverageMonthlyVolume = 5000m });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("m-a-first-tier-volume");
    }

    [Fact]
    public void Manufacturer_a_first_tier_agent_with_4999_99_tonnes_a_month_is_B() =>
        Scheme.Grade(FirstTier with { AverageMonthlyVolume = 4999.99m }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_first_tier_agent_with_5000_tonnes_and_bad_credit_is_not_A_by_volume()
    {
        var result = Scheme.Grade(FirstTier with { AverageMonthlyVolume = 8000m, BadCredit = true });
        result.Grade.ShouldBe("B");
        result.Rule!.RuleId.ShouldBe("m-b-agents");
    }

    [Fact]
    public void Manufacturer_a_second_tier_agent_with_5000_tonnes_is_not_A_by_volume() =>
        Scheme.Grade(SecondTier with { AverageMonthlyVolume = 9000m }).Grade.ShouldBe("B");

    [Theory]
    [InlineData(CustomerCategory.FirstTierAgent)]
    [InlineData(CustomerCategory.SecondTierAgent)]
    public void Manufacturer_an_agent_with_3_years_and_no_bad_credit_is_A(CustomerCategory category)
    {
        var result = Scheme.Grade(Plain with { Category = category, CooperationYears = 3 });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("m-a-agent-years");
    }

    [Fact]
    public void Manufacturer_an_agent_with_2_years_is_B() =>
        Scheme.Grade(FirstTier with { CooperationYears = 2 }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_an_agent_with_3_years_and_bad_credit_is_B() =>
        Scheme.Grade(SecondTier with { CooperationYears = 10, BadCredit = true }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_distributor_with_3_years_is_not_A_by_years() =>
        Scheme.Grade(Plain with { Category = CustomerCategory.Distributor, CooperationYears = 5 }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_second_tier_agent_buying_50_percent_from_us_is_A()
    {
        var result = Scheme.Grade(SecondTier with { ShareOfWallet = 0.5m });
        result.Grade.ShouldBe("A");
        result.Rule!.RuleId.ShouldBe("m-a-second-tier-share");
    }

    [Fact]
    public void Manufacturer_a_second_tier_agent_buying_49_percent_from_us_is_B() =>
        Scheme.Grade(SecondTier with { ShareOfWallet = 0.49m }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_second_tier_agent_without_a_reported_share_is_B() =>
        Scheme.Grade(SecondTier).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_first_tier_agent_buying_50_percent_is_not_A_by_share() =>
        Scheme.Grade(FirstTier with { ShareOfWallet = 0.9m }).Grade.ShouldBe("B");

    [Fact]
    public void Manufacturer_a_strategic_partner_is_A() =>
        Scheme.Grade(Plain with { Category = CustomerCategory.StrategicPartner }).Grade.ShouldBe("A");

    [Theory]
    [InlineData(CustomerCategory.FirstTierAgent)]
    [InlineData(CustomerCategory.SecondTierAgent)]
    [InlineData(CustomerCategory.Designer)]
    [InlineData(CustomerCategory.EndUser)]
    [InlineData(CustomerCategory.Distributor)]
    public void Manufacturer_a_potential_customer_without_an_A_rule_is_D(CustomerCategory category)
    {
        var result = Scheme.Grade(Plain with { Category = category, Status = CustomerStatus.Potential });
        result.Grade.ShouldBe("D");
        result.Rule!.RuleId.ShouldBe("m-d-potential");
    }

    [Theory]
    [InlineData(CustomerCategory.Distributor)]
    [InlineData(CustomerCategory.Retailer)]
    public void Manufacturer_an_active_distributor_or_retailer_buying_our_products_is_B(CustomerCategory category) =>
        Scheme.Grade(Plain with { Category = category }).Grade.ShouldBe("B");

    [Theory]
    [InlineData(CustomerCategory.Distributor, CustomerStatus.Dormant)]
    [InlineData(CustomerCategory.Retailer, CustomerStatus.Lost)]
    public void Manufacturer_a_distributor_not_buying_is_C(CustomerCategory category, CustomerStatus status) =>
        Scheme.Grade(Plain with { Category = category, Status = status }).Grade.ShouldBe("C");

    [Fact]
    public void Manufacturer_a_designer_is_B() =>
        Scheme.Grade(Plain with { Category = CustomerCategory.Designer }).Grade.ShouldBe("B");

    [Theory]
    [InlineData(CustomerCategory.EndUser)]
    [InlineData(CustomerCategory.ProjectOwner)]
    [InlineData(CustomerCategory.OtherBrandAgent)]
    [InlineData(CustomerCategory.Other)]
    public void Manufacturer_the_rest_of_the_real_customers_are_C(CustomerCategory category)
    {
        var result = Scheme.Grade(Plain with { Category = category });
        result.Grade.ShouldBe("C");
        result.Basis.ShouldBe(GradingBasis.Default);
        result.Rule.ShouldBeNull();
    }

    [Fact]
    public void Manufacturer_explanation_shows_each_conditions_actual_value()
    {
        var rule = Scheme.Grade(FirstTier with { AverageMonthlyVolume = 6200.5m }).Rule!;
        rule.RuleName.ShouldBe("合同量在5000吨/月以上且无不良信用记录的一级代理");
        rule.Conditions.Select(c => (c.Field, c.Operator, string.Join(",", c.Expected), c.Actual, c.Held)).ShouldBe(
        [
            ("category", ConditionOperator.Eq, "FirstTierAgent", "FirstTierAgent", true),
            ("averageMonthlyVolume", ConditionOperator.Gte, "5000", "6200.5", true),
            ("badCredit", ConditionOperator.Eq, "false", "false", true),
        ]);
    }
}
