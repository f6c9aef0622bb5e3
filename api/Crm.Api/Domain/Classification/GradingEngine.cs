using System.Runtime.CompilerServices;

namespace Crm.Api.Domain.Classification;

public enum GradingBasis
{
    Rule,
    Score,
    Default,
}

/// <summary>A grade and why: the matched rule, the score breakdown, or the default.</summary>
public sealed record GradingResult(string Grade, GradingBasis Basis, RuleExplanation? Rule = null, ScoreExplanation? Score = null);

public sealed record RuleExplanation(string RuleId, string RuleName, RuleMatch Match, IReadOnlyList<ConditionOutcome> Conditions);

/// <summary>One condition of the matched rule with the customer's actual value (null: not reported).</summary>
public sealed record ConditionOutcome(string Field, ConditionOperator Operator, IReadOnlyList<string> Expected, string? Actual, bool Held);

public sealed record ScoreExplanation(decimal Total, ScoreBand Band, IReadOnlyList<CriterionOutcome> Criteria);

/// <summary>Normalised is 0–100; Contribution = Normalised × Weight / 100, the criteria's contributions sum to the total.</summary>
public sealed record CriterionOutcome(string Field, string? Value, decimal Normalised, decimal Weight, decimal Contribution);

public static class GradingEngine
{
    private static readonly ConditionalWeakTable<GradingScheme, CompiledGradingScheme> Compiled = new();

    /// <summary>Grades one input; the scheme is compiled once per scheme instance and must be valid.</summary>
    public static GradingResult Evaluate(GradingScheme scheme, GradingInput input) =>
        Compiled.GetValue(scheme, Compile).Evaluate(input);

    /// <exception cref="ArgumentException">The scheme fails <see cref="SchemeValidator"/>.</exception>
    public static CompiledGradingScheme Compile(GradingScheme scheme)
    {
        var errors = SchemeValidator.Validate(scheme);
        if (errors.Count > 0)
            throw new ArgumentException(
                $"Invalid grading scheme {scheme.Code}: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), nameof(scheme));
        return new CompiledGradingScheme(scheme);
    }
}

/// <summary>A validated scheme with its values parsed, ready to grade many customers.</summary>
public sealed class CompiledGradingScheme
{
    private readonly GradingScheme scheme;
    private readonly CompiledRule[] rules;
    private readonly CompiledCriterion[]? criteria;
    private readonly ScoreBand[] bands;
    private readonly GradingResult defaultResult;

    internal CompiledGradingScheme(GradingScheme scheme)
    {
        this.scheme = scheme;
        rules = scheme.Rules.Select(r => new CompiledRule(r)).ToArray();
        criteria = scheme.Score?.Criteria.Select(c => new CompiledCriterion(c)).ToArray();
        bands = scheme.Score?.Bands.OrderBy(b => b.MinScore).ToArray() ?? [];
        defaultResult = new GradingResult(scheme.DefaultGrade, GradingBasis.Default);
    }

    public GradingScheme Scheme => scheme;

    public GradingResult Evaluate(GradingInput input)
    {
        foreach (var rule in rules)
            if (rule.Matches(input))
                return new GradingResult(rule.Source.Grade, GradingBasis.Rule, rule.Explain(input));
        return criteria is null ? defaultResult : Score(input);
    }

    private GradingResult Score(GradingInput input)
    {
        var outcomes = new CriterionOutcome[criteria!.Length];
        decimal total = 0;
        for (var i = 0; i < criteria.Length; i++)
        {
            var c = criteria[i];
            var value = input.Get(c.Field.Id);
            var normalised = c.Normalise(value);
            var contribution = normalised * c.Source.Weight / 100m;
            total += contribution;
            outcomes[i] = new CriterionOutcome(c.Field.Name, FieldValues.Format(c.Field, value), normalised, c.Source.Weight, contribution);
        }
        var band = BandOf(total);
        return new GradingResult(band.Grade, GradingBasis.Score, Score: new ScoreExplanation(total, band, outcomes));
    }

    private ScoreBand BandOf(decimal total)
    {
        foreach (var b in bands)
            if (total >= b.MinScore && (total < b.MaxScore || (b.MaxScore == 100m && total == 100m)))
                return b;
        // Validated bands cover 0–100 and totals stay inside it; rounding at the last digit is the only way here.
        return total < bands[0].MinScore ? bands[0] : bands[^1];
    }

    private sealed class CompiledRule(GradingRule source)
    {
        private readonly CompiledCondition[] conditions = source.Conditions.Select(c => new CompiledCondition(c)).ToArray();

        public GradingRule Source { get; } = source;

        public bool Matches(GradingInput input)
        {
            if (Source.Match == RuleMatch.All)
            {
                foreach (var c in conditions)
                    if (!c.Holds(input))
                        return false;
                return true;
            }
            foreach (var c in conditions)
                if (c.Holds(input))
                    return true;
            return false;
        }

        public RuleExplanation Explain(GradingInput input)
        {
            var outcomes = new ConditionOutcome[conditions.Length];
            for (var i = 0; i < conditions.Length; i++)
            {
                var c = conditions[i];
                outcomes[i] = new ConditionOutcome(
                    c.Field.Name, c.Source.Operator, c.Source.Values, FieldValues.Format(c.Field, input.Get(c.Field.Id)), c.Holds(input));
            }
            return new RuleExplanation(Source.Id, Source.Name, Source.Match, outcomes);
        }
    }

    private sealed class CompiledCondition
    {
        private readonly decimal[] values;
        private readonly int flagSet;

        public CompiledCondition(Condition source)
        {
            Source = source;
            GradingFields.TryGet(source.Field, out var field);
            Field = field!;
            values = source.Values.Select(v => FieldValues.TryParse(Field, v, out var d) ? d : 0m).ToArray();
            foreach (var v in values)
                flagSet |= (int)v;
        }

        public Condition Source { get; }
        public GradingField Field { get; }

        public bool Holds(GradingInput input)
        {
            if (input.Get(Field.Id) is not { } actual)
                return false;
            if (Field.Type == GradingFieldType.Flags)
            {
                var flags = (int)actual;
                return Source.Operator switch
                {
                    ConditionOperator.Eq => flags == flagSet,
                    ConditionOperator.NotEq => flags != flagSet,
                    ConditionOperator.In => AnyFlag(flags),
                    _ => false,
                };
            }
            return Source.Operator switch
            {
                ConditionOperator.Eq => actual == values[0],
                ConditionOperator.NotEq => actual != values[0],
                ConditionOperator.In => Array.IndexOf(values, actual) >= 0,
                ConditionOperator.Gte => actual >= values[0],
                ConditionOperator.Gt => actual > values[0],
                ConditionOperator.Lte => actual <= values[0],
                ConditionOperator.Lt => actual < values[0],
                ConditionOperator.Between => actual >= values[0] && actual <= values[1],
                _ => false,
            };
        }

        private bool AnyFlag(int flags)
        {
            foreach (var v in values)
                if (v == 0 ? flags == 0 : (flags & (int)v) != 0)
                    return true;
            return false;
        }
    }

    private sealed class CompiledCriterion
    {
        private readonly Dictionary<decimal, decimal>? table;

        public CompiledCriterion(ScoreCriterion source)
        {
            Source = source;
            GradingFields.TryGet(source.Field, out var field);
            Field = field!;
            if (source.Normalisation is LookupNormalisation lookup)
                table = lookup.Entries.ToDictionary(e => FieldValues.TryParse(Field, e.Value, out var d) ? d : 0m, e => e.Score);
        }

        public ScoreCriterion Source { get; }
        public GradingField Field { get; }

        public decimal Normalise(decimal? value)
        {
            switch (Source.Normalisation)
            {
                case LinearNormalisation l:
                    if (value is not { } v)
                        return 0m;
                    var n = (v - l.Min) / (l.Max - l.Min) * 100m;
                    return Math.Clamp(n, 0m, 100m);
                case LookupNormalisation lookup:
                    return value is { } k && table!.TryGetValue(k, out var score) ? score : lookup.Otherwise;
                default:
                    return 0m;
            }
        }
    }
}
