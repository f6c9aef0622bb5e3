using System.Text.Json.Serialization;

namespace Crm.Api.Domain.Classification;

/// <summary>
/// 分级方案: how customers are graded. Evaluation order: the rules in their order, the first match wins; when none
/// matches and a <see cref="Score"/> is defined, the weighted score decides through its bands (the bands cover 0–100,
/// so a scheme with a score never reaches the default); otherwise <see cref="DefaultGrade"/>.
/// </summary>
public sealed record GradingScheme(
    string Code,
    string Name,
    IReadOnlyList<GradeDefinition> Grades,
    IReadOnlyList<GradingRule> Rules,
    string DefaultGrade,
    ScoreDefinition? Score = null,
    string? Description = null);

/// <summary>One grade (A 重要 …); <see cref="Order"/> ranks them, 1 being the best.</summary>
public sealed record GradeDefinition(string Code, string Name, int Order);

public enum RuleMatch
{
    /// <summary>Every condition holds.</summary>
    All,

    /// <summary>At least one condition holds.</summary>
    Any,
}

public sealed record GradingRule(string Id, string Name, string Grade, RuleMatch Match, IReadOnlyList<Condition> Conditions);

public enum ConditionOperator
{
    Eq,
    NotEq,
    In,
    Gte,
    Gt,
    Lte,
    Lt,

    /// <summary>Inclusive at both ends: Values[0] ≤ x ≤ Values[1].</summary>
    Between,
}

/// <summary>
/// A test of one field of <see cref="GradingInput"/>. Values are text so that a scheme stores as plain JSON: numbers in
/// invariant culture ("2000000", "0.5"), booleans "true"/"false", enum members by name ("JointVenture").
/// A field without a value (e.g. no share of wallet reported) satisfies no condition, NotEq included.
/// For riskFlags the values are flag names: Eq/NotEq compare the whole set (Eq "None" = no risk flag), In means
/// "has at least one of".
/// </summary>
public sealed record Condition(string Field, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    // Internal so that JSON binds the primary constructor, the only public one.
    internal Condition(string field, ConditionOperator @operator, params string[] values) : this(field, @operator, (IReadOnlyList<string>)values) { }
}

/// <summary>评分: a weighted total of 0–100 mapped to grades by bands.</summary>
public sealed record ScoreDefinition(IReadOnlyList<ScoreCriterion> Criteria, IReadOnlyList<ScoreBand> Bands);

/// <summary>One criterion; <see cref="Weight"/> is a percentage, the weights of a score sum to 100.</summary>
public sealed record ScoreCriterion(string Field, decimal Weight, Normalisation Normalisation);

/// <summary>Maps a field's value onto 0–100.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LinearNormalisation), "linear")]
[JsonDerivedType(typeof(LookupNormalisation), "lookup")]
public abstract record Normalisation;

/// <summary>
/// Min → 0, Max → 100, linear in between and clamped outside. Min may exceed Max for "less is better"
/// (days overdue: Min 90, Max 0). A missing value scores 0.
/// </summary>
public sealed record LinearNormalisation(decimal Min, decimal Max) : Normalisation;

/// <summary>A score per value (enum member name or "true"/"false"); values not listed and missing values score <see cref="Otherwise"/>.</summary>
public sealed record LookupNormalisation(IReadOnlyList<LookupEntry> Entries, decimal Otherwise = 0) : Normalisation;

public sealed record LookupEntry(string Value, decimal Score);

/// <summary>Scores from <see cref="MinScore"/> inclusive to <see cref="MaxScore"/> exclusive; a band ending at 100 also takes 100.</summary>
public sealed record ScoreBand(string Grade, decimal MinScore, decimal MaxScore);
