using Crm.Api.Domain.Classification;
using static Crm.Api.Domain.Classification.ConditionOperator;
using static Crm.Api.UnitTests.Classification.GradingSupport;

namespace Crm.Api.UnitTests.Classification;

public class ScoreSchemeTests
{
    /// <summary>评分: credit 40 %, amount 30 %, profit 20 %, referrals 10 %; A ≥ 80, B ≥ 60, C below.</summary>
    public static readonly GradingScheme Scheme = new("score", "评分示例",
        [new("A", "重点", 1), new("B", "一般", 2), new("C", "目标", 3), new("D", "潜在", 4)],
        [new GradingRule("potential", "潜在客户", "D", RuleMatch.All, [new Condition("status", Eq, "Potential")])],
        "C",
        new ScoreDefinition(
            [
                new("onTimePaymentRatio", 40, new LinearNormalisation(0.5m, 1m)),
                new("annualOrderAmount", 30, new LinearNormalisation(0m, 1_000_000m)),
                new("profitContribution", 20, new LinearNormalisation(0m, 100_000m)),
                new("referrals", 10, new LinearNormalisation(0m, 5m)),
            ],
            [new("C", 0, 60), new("B", 60, 80), new("A", 80, 100)]));

    [Fact]
    public void The_example_scheme_is_valid() => SchemeValidator.Validate(Scheme).ShouldBeEmpty();

    [Fact]
    public void A_weighted_score_shows_each_criterion_and_the_band()
    {
        var result = Scheme.Grade(Plain with
        {
            OnTimePaymentRatio = 0.9m, AnnualOrderAmount = 500_000m, ProfitContribution = 150_000m, Referrals = 1,
        });

        result.Basis.ShouldBe(GradingBasis.Score);
        result.Rule.ShouldBeNull();
        var score = result.Score!;
        score.Criteria.Select(c => (c.Field, c.Value, c.Normalised, c.Weight, c.Contribution)).ShouldBe(
        [
            ("onTimePaymentRatio", "0.9", 80m, 40m, 32m),
            ("annualOrderAmount", "500000", 50m, 30m, 15m),
            ("profitContribution", "150000", 100m, 20m, 20m),
            ("referrals", "1", 20m, 10m, 2m),
        ]);
        score.Total.ShouldBe(69m);
        score.Band.ShouldBe(new ScoreBand("B", 60, 80));
        result.Grade.ShouldBe("B");
    }

    [Fact]
    public void A_perfect_score_of_100_falls_in_the_top_band()
    {
        var result = Scheme.Grade(Plain with
        {
            OnTimePaymentRatio = 1m, AnnualOrderAmount = 9_000_000m, ProfitContribution = 100_000m, Referrals = 5,
        });
        result.Score!.Total.ShouldBe(100m);
        result.Grade.ShouldBe("A");
    }

    [Fact]
    public void A_band_lower_bound_is_inclusive()
    {
        // 40 + 30 + 10 + 0 = 80.
        var result = Scheme.Grade(Plain with { OnTimePaymentRatio = 1m, AnnualOrderAmount = 1_000_000m, ProfitContribution = 50_000m });
        result.Score!.Total.ShouldBe(80m);
        result.Grade.ShouldBe("A");
    }

    [Fact]
    public void Missing_figures_score_zero()
    {
        var result = Scheme.Grade(Plain);
        result.Score!.Criteria[0].Value.ShouldBeNull();
        result.Score.Total.ShouldBe(0m);
        result.Grade.ShouldBe("C");
    }

    [Fact]
    public void Rules_come_before_the_score() =>
        Scheme.Grade(Plain with { Status = Crm.Api.Domain.Customers.CustomerStatus.Potential, OnTimePaymentRatio = 1m }).Grade.ShouldBe("D");

    [Fact]
    public void Less_overdue_is_better_with_a_reversed_range_and_enums_score_by_lookup()
    {
        var scheme = new GradingScheme("credit", "信用", [new("A", "好", 1), new("B", "差", 2)], [], "B",
            new ScoreDefinition(
                [
                    new("maxDaysOverdue", 50, new LinearNormalisation(90m, 0m)),
                    new("enterpriseNature", 50, new LookupNormalisation([new("JointVenture", 100), new("StateOwned", 80)], 40)),
                ],
                [new("B", 0, 70), new("A", 70, 100)]));
        SchemeValidator.Validate(scheme).ShouldBeEmpty();

        var result = GradingEngine.Evaluate(scheme, Plain with { MaxDaysOverdue = 45 });
        result.Score!.Criteria.Select(c => c.Normalised).ShouldBe([50m, 40m]);
        result.Score.Criteria[1].Value.ShouldBe("Private");
        result.Grade.ShouldBe("B");

        GradingEngine.Evaluate(scheme, Plain with { MaxDaysOverdue = 0, EnterpriseNature = Crm.Api.Domain.Customers.EnterpriseNature.StateOwned })
            .Score!.Total.ShouldBe(90m);
    }

    [Fact]
    public void An_invalid_scheme_is_refused_by_the_engine() =>
        Should.Throw<ArgumentException>(() => GradingEngine.Evaluate(Scheme with { DefaultGrade = "Z", Score = null }, Plain));
}
