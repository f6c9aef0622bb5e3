using Crm.Api.Domain.Classification;
using static Crm.Api.Domain.Classification.ConditionOperator;

namespace Crm.Api.UnitTests.Classification;

public class SchemeValidatorTests
{
    private static readonly GradingScheme Valid = new("s", "示例",
        [new("A", "重要", 1), new("B", "一般", 2)],
        [new GradingRule("r1", "大客户", "A", RuleMatch.All, [new Condition("annualOrderAmount", Gte, "1000000")])],
        "B");

    private static IEnumerable<string> Paths(GradingScheme scheme) => SchemeValidator.Validate(scheme).Select(e => e.Path);

    private static GradingScheme WithCondition(Condition c) => Valid with { Rules = [Valid.Rules[0] with { Conditions = [c] }] };

    [Fact]
    public void A_valid_scheme_has_no_errors() => SchemeValidator.Validate(Valid).ShouldBeEmpty();

    [Fact]
    public void An_unknown_field_is_reported_at_its_path()
    {
        var errors = SchemeValidator.Validate(WithCondition(new Condition("turnover", Gte, "1")));
        errors.ShouldHaveSingleItem().Path.ShouldBe("rules[0].conditions[0].field");
        errors[0].Message.ShouldContain("turnover");
    }

    [Theory]
    [InlineData("badCredit", Gte, "true")]
    [InlineData("category", Between, "Designer")]
    [InlineData("riskFlags", Lt, "Arrears")]
    public void An_operator_not_valid_for_the_field_type_is_reported(string field, ConditionOperator op, string value) =>
        Paths(WithCondition(new Condition(field, op, value))).ShouldBe(["rules[0].conditions[0].operator"]);

    [Theory]
    [InlineData("annualOrderAmount", "abc")]
    [InlineData("cooperationYears", "2.5")]
    [InlineData("badCredit", "yes")]
    [InlineData("category", "Agent")]
    [InlineData("category", "1")]
    public void A_value_of_the_wrong_type_is_reported(string field, string value) =>
        Paths(WithCondition(new Condition(field, Eq, value))).ShouldBe(["rules[0].conditions[0].values[0]"]);

    [Fact]
    public void Between_needs_two_ordered_values()
    {
        Paths(WithCondition(new Condition("annualOrderAmount", Between, "1"))).ShouldBe(["rules[0].conditions[0].values"]);
        Paths(WithCondition(new Condition("annualOrderAmount", Between, "5", "1"))).ShouldBe(["rules[0].conditions[0].values"]);
    }

    [Fact]
    public void An_unknown_grade_in_a_rule_is_reported() =>
        Paths(Valid with { Rules = [Valid.Rules[0] with { Grade = "Z" }] }).ShouldBe(["rules[0].grade", "grades[0]"]);

    [Fact]
    public void Duplicate_grade_codes_are_reported() =>
        Paths(Valid with { Grades = [.. Valid.Grades, new("A", "重复", 3)] }).ShouldBe(["grades[2].code"]);

    [Fact]
    public void An_unreachable_grade_is_reported()
    {
        var errors = SchemeValidator.Validate(Valid with { Grades = [.. Valid.Grades, new("C", "从不", 3)] });
        errors.ShouldHaveSingleItem().Path.ShouldBe("grades[2]");
        errors[0].Message.ShouldContain("C");
    }

    [Fact]
    public void An_empty_scheme_is_reported() =>
        Paths(new GradingScheme("", "", [], [], "A")).ShouldBe(["code", "name", "grades", "rules", "defaultGrade"]);

    [Fact]
    public void A_rule_without_conditions_is_reported() =>
        Paths(Valid with { Rules = [Valid.Rules[0] with { Conditions = [] }] }).ShouldBe(["rules[0].conditions"]);

    [Fact]
    public void Weights_of_90_are_reported()
    {
        var scheme = ScoreSchemeTests.Scheme with
        {
            Score = ScoreSchemeTests.Scheme.Score! with
            {
                Criteria = [.. ScoreSchemeTests.Scheme.Score.Criteria.Select((c, i) => i == 0 ? c with { Weight = 30 } : c)],
            },
        };
        var errors = SchemeValidator.Validate(scheme);
        errors.ShouldHaveSingleItem().Path.ShouldBe("score.criteria");
        errors[0].Message.ShouldBe("权重合计为 90，应为 100。");
    }

    [Fact]
    public void Overlapping_bands_are_reported()
    {
        var scheme = ScoreSchemeTests.Scheme with
        {
            Score = ScoreSchemeTests.Scheme.Score! with
            {
                Bands = [new("A", 80, 100), new("B", 60, 85), new("C", 0, 60)],
            },
        };
        var errors = SchemeValidator.Validate(scheme);
        errors.ShouldHaveSingleItem().Path.ShouldBe("score.bands[0]");
        errors[0].Message.ShouldContain("重叠");
    }

    [Fact]
    public void A_gap_between_bands_is_reported()
    {
        var scheme = ScoreSchemeTests.Scheme with
        {
            Score = ScoreSchemeTests.Scheme.Score! with { Bands = [new("A", 80, 100), new("B", 60, 70), new("C", 0, 60)] },
        };
        var errors = SchemeValidator.Validate(scheme);
        errors.ShouldHaveSingleItem().Path.ShouldBe("score.bands[0]");
        errors[0].Message.ShouldContain("[70, 80)");
    }

    [Fact]
    public void Bands_stopping_short_of_100_are_reported() =>
        Paths(ScoreSchemeTests.Scheme with
        {
            Score = ScoreSchemeTests.Scheme.Score! with { Bands = [new("A", 80, 95), new("B", 60, 80), new("C", 0, 60)] },
        }).ShouldBe(["score.bands"]);

    [Fact]
    public void A_linear_normalisation_on_an_enum_is_reported() =>
        Paths(ScoreSchemeTests.Scheme with
        {
            Score = ScoreSchemeTests.Scheme.Score! with
            {
                Criteria = [.. ScoreSchemeTests.Scheme.Score.Criteria.Select((c, i) => i == 0 ? c with { Field = "category" } : c)],
            },
        }).ShouldBe(["score.criteria[0].normalisation"]);
}
