using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using CsCheck;
using static Crm.Api.Domain.Classification.ConditionOperator;
using static Crm.Api.UnitTests.Classification.GradingSupport;

namespace Crm.Api.UnitTests.Classification;

public class GradingInputAndEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    private static BusinessFact Fact(int year, int month, decimal amount, decimal volume = 100m, int overdue = 0,
        decimal? onTime = null, decimal? share = null, int referrals = 0, bool badCredit = false, decimal profit = 0m) =>
        new(1, new DateOnly(year, month, 1),
            new BusinessFactValues(amount, volume, "t", profit, overdue, onTime, share, referrals, badCredit, "manual"), Now, 1);

    [Fact]
    public void The_window_is_the_twelve_whole_months_before_the_month_of_the_rating() =>
        GradingInput.WindowOf(new DateOnly(2026, 1, 10)).ShouldBe((new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)));

    [Fact]
    public void Facts_are_aggregated_over_the_window_only()
    {
        BusinessFact[] facts =
        [
            Fact(2024, 12, 9_999_999m, volume: 99_999m, overdue: 200, badCredit: true), // before the window
            Fact(2025, 1, 100_000m, volume: 4000m, overdue: 10, onTime: 0.8m, share: 0.3m, referrals: 1, profit: 5_000m),
            Fact(2025, 6, 300_000m, volume: 6000m, overdue: 45, onTime: 1m, referrals: 2, profit: -1_000m),
            Fact(2025, 12, 50_000m, volume: 5000m, overdue: 0, share: 0.6m),
            Fact(2026, 1, 7_777_777m, volume: 1m, overdue: 300), // the current month
        ];
        var input = GradingInput.From(EnterpriseNature.Private, CustomerCategory.FirstTierAgent, CustomerStatus.Active,
            new DateOnly(2023, 1, 10), RiskFlags.Arrears, false, facts.Select(f => f.Figures), new DateOnly(2026, 1, 10));

        input.ShouldBe(new GradingInput(EnterpriseNature.Private, CustomerCategory.FirstTierAgent, CustomerStatus.Active,
            3, false, RiskFlags.Arrears, 450_000m, 5000m, 0.6m, 45, 0.9m, 3, 4_000m));
    }

    [Fact]
    public void Bad_credit_is_the_records_flag_or_any_flagged_month()
    {
        var asOf = new DateOnly(2026, 1, 10);
        GradingInput.From(EnterpriseNature.Private, CustomerCategory.Other, CustomerStatus.Active, null, RiskFlags.None, true, [], asOf)
            .BadCredit.ShouldBeTrue();
        GradingInput.From(EnterpriseNature.Private, CustomerCategory.Other, CustomerStatus.Active, null, RiskFlags.None, false,
            [Fact(2025, 3, 1m, badCredit: true).Figures], asOf).BadCredit.ShouldBeTrue();
    }

    [Fact]
    public void Without_facts_the_averages_are_missing_and_the_sums_zero()
    {
        var input = GradingInput.From(EnterpriseNature.Private, CustomerCategory.Other, CustomerStatus.Potential, null,
            RiskFlags.None, false, [], new DateOnly(2026, 1, 10));
        input.ShouldBe(Plain with { Category = CustomerCategory.Other, Status = CustomerStatus.Potential });
    }

    [Fact]
    public void An_any_rule_matches_on_one_condition_and_explains_all_of_them()
    {
        var scheme = new GradingScheme("any", "任一", [new("A", "重要", 1), new("C", "一般", 2)],
            [new GradingRule("r", "大额或风险", "A", RuleMatch.Any,
                [new Condition("annualOrderAmount", Gte, "1000"), new Condition("riskFlags", In, "Arrears", "Bankruptcy")])],
            "C");
        var result = GradingEngine.Evaluate(scheme, Plain with { RiskFlags = RiskFlags.Arrears | RiskFlags.CreditDecline });
        result.Grade.ShouldBe("A");
        result.Rule!.Conditions.Select(c => (c.Actual, c.Held)).ShouldBe([("0", false), ("Arrears, CreditDecline", true)]);
    }

    [Theory]
    [InlineData(RiskFlags.None, true)]
    [InlineData(RiskFlags.Arrears, false)]
    public void Risk_flags_eq_none_means_no_flag(RiskFlags flags, bool held)
    {
        var scheme = new GradingScheme("flags", "无风险", [new("A", "重要", 1), new("C", "一般", 2)],
            [new GradingRule("r", "无风险", "A", RuleMatch.All, [new Condition("riskFlags", Eq, "None")])], "C");
        GradingEngine.Evaluate(scheme, Plain with { RiskFlags = flags }).Grade.ShouldBe(held ? "A" : "C");
    }

    [Fact]
    public void A_missing_value_satisfies_no_condition_not_even_not_equal()
    {
        var scheme = new GradingScheme("missing", "缺失", [new("A", "重要", 1), new("C", "一般", 2)],
            [new GradingRule("r", "占比非零", "A", RuleMatch.All, [new Condition("shareOfWallet", NotEq, "0")])], "C");
        GradingEngine.Evaluate(scheme, Plain).Grade.ShouldBe("C");
        GradingEngine.Evaluate(scheme, Plain with { ShareOfWallet = 0.1m }).Grade.ShouldBe("A");
    }

    private static Gen<T?> Opt<T>(Gen<T> gen) where T : struct => Gen.Select(Gen.Bool, gen, (present, v) => present ? v : (T?)null);

    private static readonly Gen<GradingInput> Inputs =
        Gen.Select(Gen.Enum<EnterpriseNature>(), Gen.Enum<CustomerCategory>(), Gen.Enum<CustomerStatus>(), Gen.Int[0, 10],
                Gen.Bool, Gen.Int[0, 15].Select(i => (RiskFlags)i))
            .Select(Gen.Select(Gen.Decimal[0m, 3_000_000m], Opt(Gen.Decimal[0m, 8_000m]), Opt(Gen.Decimal[0m, 1m]),
                Opt(Gen.Int[0, 120]), Opt(Gen.Decimal[0m, 1m]), Gen.Int[0, 10], Gen.Decimal[-100_000m, 300_000m]),
                (a, f) => new GradingInput(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6,
                    f.Item1, f.Item2, f.Item3, f.Item4, f.Item5, f.Item6, f.Item7));

    [Fact]
    public void Evaluate_is_deterministic_and_always_returns_a_grade_of_the_scheme()
    {
        GradingScheme[] schemes = [GradingPresets.Manufacturer(), GradingPresets.Logistics(), ScoreSchemeTests.Scheme];
        Gen.Select(Gen.Int[0, schemes.Length - 1], Inputs).Sample((i, input) =>
        {
            var scheme = schemes[i];
            var first = GradingEngine.Evaluate(scheme, input);
            var again = GradingEngine.Evaluate(scheme with { }, input);
            again.Grade.ShouldBe(first.Grade);
            again.Basis.ShouldBe(first.Basis);
            again.Rule?.RuleId.ShouldBe(first.Rule?.RuleId);
            again.Score?.Total.ShouldBe(first.Score!.Total);
            scheme.Grades.Select(g => g.Code).ShouldContain(first.Grade);
        });
    }
}
