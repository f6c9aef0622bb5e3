using Crm.Api.Domain.Kpi;

namespace Crm.Api.UnitTests.Kpi;

public class ScorecardTests
{
    private static readonly ScorecardBands Policy = new(RewardScore: 90, PassScore: 80, RewardAmount: 500, LeaderPerPoint: 50, DeputyPerPoint: 40);

    [Fact]
    public void Scorecard_76_points_deducts_200_from_leader_and_160_per_deputy()
    {
        var outcome = ScorecardRules.Evaluate(76, Policy, disqualified: false);
        (outcome.Band, outcome.PointsBelow, outcome.Reward, outcome.LeaderDeduction, outcome.DeputyDeduction)
            .ShouldBe((ScorecardBand.Penalty, 4, 0m, 200m, 160m));
    }

    [Fact]
    public void Scorecard_91_points_rewards_the_leadership_500()
    {
        var outcome = ScorecardRules.Evaluate(91, Policy, disqualified: false);
        (outcome.Band, outcome.Reward, outcome.LeaderDeduction, outcome.DeputyDeduction).ShouldBe((ScorecardBand.Reward, 500m, 0m, 0m));
    }

    [Theory]
    [InlineData(85)]
    [InlineData(80)]
    [InlineData(89.9)]
    public void Scorecard_between_80_and_90_is_a_pass_without_reward_or_penalty(decimal score)
    {
        var outcome = ScorecardRules.Evaluate(score, Policy, disqualified: false);
        (outcome.Band, outcome.Reward, outcome.LeaderDeduction, outcome.DeputyDeduction).ShouldBe((ScorecardBand.Pass, 0m, 0m, 0m));
    }

    [Fact]
    public void Scorecard_of_exactly_90_is_rewarded()
    {
        ScorecardRules.Evaluate(90, Policy, false).Band.ShouldBe(ScorecardBand.Reward);
    }

    [Theory]
    [InlineData(79.5, 1, 50, 40)]
    [InlineData(76.2, 4, 200, 160)]
    [InlineData(75.99, 5, 250, 200)]
    [InlineData(0, 80, 4000, 3200)]
    public void Fractional_scores_count_every_started_point_below_80_as_a_whole_point(decimal score, int below, decimal leader, decimal deputy)
    {
        var outcome = ScorecardRules.Evaluate(score, Policy, false);
        (outcome.PointsBelow, outcome.LeaderDeduction, outcome.DeputyDeduction).ShouldBe((below, leader, deputy));
    }

    [Fact]
    public void A_unit_disqualified_by_complaints_gets_no_reward_even_at_95()
    {
        var outcome = ScorecardRules.Evaluate(95, Policy, disqualified: true);
        (outcome.Band, outcome.Reward, outcome.Disqualified).ShouldBe((ScorecardBand.Reward, 0m, true));
    }
}

public class ScorecardItemTests
{
    [Theory]
    [InlineData(20, true, -6, null, 14)]
    [InlineData(20, true, -26, null, 0)]
    [InlineData(20, true, 5, null, 20)]
    [InlineData(20, true, -6, 18, 18)]
    [InlineData(15, false, 0, 12, 12)]
    public void A_ledger_item_is_its_maximum_plus_the_years_points_within_0_and_the_maximum_unless_entered(decimal max, bool ledger, decimal points,
        int? entered, int expected) =>
        ScorecardItems.Score(max, ledger, points, entered).ShouldBe(expected);

    [Fact]
    public void A_hand_entered_item_not_yet_entered_has_no_score() =>
        ScorecardItems.Score(15, false, -3, null).ShouldBeNull();
}

public class IndicatorRateTests
{
    [Fact]
    public void Key_customer_revenue_growth_is_the_change_over_the_previous_period_and_undefined_without_one()
    {
        IndicatorRates.Growth(120m, 100m).ShouldBe(0.2m);
        IndicatorRates.Growth(80m, 100m).ShouldBe(-0.2m);
        IndicatorRates.Growth(50m, 0m).ShouldBeNull();
    }

    [Fact]
    public void Development_and_churn_rates_are_shares_of_the_customers_at_the_start_rounded_to_four_decimals()
    {
        IndicatorRates.Rate(1, 3).ShouldBe(0.3333m);
        IndicatorRates.Rate(2, 3).ShouldBe(0.6667m);
        IndicatorRates.Rate(1, 0).ShouldBeNull();
    }
}
