using Crm.Api.Domain.Classification;
using Crm.Api.Features.Customers;
using FluentValidation;

namespace Crm.Api.Features.Classification;

/// <summary>A scheme as clients write it: the <see cref="GradingScheme"/> plus the version's effective date and comment.</summary>
public record GradingSchemeBody
{
    /// <summary>Stable code, lower-case letters, digits and hyphens (e.g. manufacturer).</summary>
    public string? Code { get; init; }

    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The first rating date this version applies to; today (Asia/Shanghai) when left out.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Why this version (shown in the version list).</summary>
    public string? Comment { get; init; }

    public List<GradeDefinition?>? Grades { get; init; }
    public List<GradingRule?>? Rules { get; init; }
    public string? DefaultGrade { get; init; }
    public ScoreDefinition? Score { get; init; }

    public GradingScheme ToScheme(string code) => new(
        code, Name?.Trim() ?? "", Grades!.Select(g => g!).ToList(), (Rules ?? []).Select(r => r!).ToList(),
        DefaultGrade ?? "", Score, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
}

/// <summary>
/// The envelope's rules, then — once nothing is missing — every rule of <see cref="SchemeValidator"/>, each error
/// under the JSON path of the member at fault (rules[2].conditions[0].field, score.bands, weights …).
/// </summary>
public sealed class GradingSchemeBodyRules<T> : AbstractValidator<T> where T : GradingSchemeBody
{
    public GradingSchemeBodyRules(Func<T, string> code)
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(100);
        RuleFor(b => b.Description).MaximumLength(1000);
        RuleFor(b => b.Comment).MaximumLength(500);
        RuleFor(b => b.EffectiveFrom).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(b => b.Grades).NotEmpty().WithMessage("方案至少要定义一个等级。");
        RuleFor(b => b).Custom((body, context) =>
        {
            var missing = MissingParts(body).ToList();
            foreach (var path in missing)
                context.AddFailure(path, "不能为空。");
            if (missing.Count > 0 || body.Grades is not { Count: > 0 } || string.IsNullOrWhiteSpace(body.Name))
                return;
            foreach (var error in SchemeValidator.Validate(body.ToScheme(code(body))))
                if (error.Path is not ("code" or "name"))
                    context.AddFailure(error.Path, error.Message);
        });
    }

    private static IEnumerable<string> MissingParts(GradingSchemeBody body)
    {
        for (var i = 0; i < (body.Grades?.Count ?? 0); i++)
            if (body.Grades![i] is null)
                yield return $"grades[{i}]";
        for (var r = 0; r < (body.Rules?.Count ?? 0); r++)
        {
            if (body.Rules![r] is not { } rule)
            {
                yield return $"rules[{r}]";
                continue;
            }
            for (var c = 0; c < (rule.Conditions?.Count ?? 0); c++)
                if (rule.Conditions![c] is null)
                    yield return $"rules[{r}].conditions[{c}]";
        }
        if (body.Score is not { } score)
            yield break;
        if (score.Criteria is null)
            yield return "score.criteria";
        if (score.Bands is null)
            yield return "score.bands";
        for (var i = 0; i < (score.Criteria?.Count ?? 0); i++)
        {
            if (score.Criteria![i] is not { } criterion)
                yield return $"score.criteria[{i}]";
            else if (criterion.Normalisation is null)
                yield return $"score.criteria[{i}].normalisation";
        }
        for (var i = 0; i < (score.Bands?.Count ?? 0); i++)
            if (score.Bands![i] is null)
                yield return $"score.bands[{i}]";
    }
}

public sealed record SchemeVersionDto(
    string Code,
    int Version,
    string Name,
    string? Description,
    DateOnly EffectiveFrom,
    string? Comment,
    DateTimeOffset CreatedAt,
    StaffRef? CreatedBy,
    IReadOnlyList<GradeDefinition> Grades,
    IReadOnlyList<GradingRule> Rules,
    string DefaultGrade,
    ScoreDefinition? Score)
{
    public static SchemeVersionDto From(GradingSchemeVersion version, StaffRef? createdBy)
    {
        var scheme = version.Scheme();
        return new(version.Code, version.Version, version.Name, scheme.Description, version.EffectiveFrom, version.Comment, version.CreatedAt,
            createdBy, scheme.Grades, scheme.Rules, scheme.DefaultGrade, scheme.Score);
    }
}

public sealed record SchemeVersionSummary(int Version, string Name, DateOnly EffectiveFrom, string? Comment, DateTimeOffset CreatedAt, StaffRef? CreatedBy, bool InForce);

/// <summary>A scheme in the list: the version in force today and the newest one (which may start later).</summary>
public sealed record SchemeListItem(string Code, string Name, int Versions, SchemeVersionSummary? InForce, SchemeVersionSummary Latest, bool IsDefault);

public sealed record GradingFieldDto(string Name, string Label, GradingFieldType Type, IReadOnlyList<string> Values, IReadOnlyList<ConditionOperator> Operators);

/// <summary>A scheme version named by a run or an evaluation.</summary>
public sealed record SchemeRef(string Code, int Version, string Name);
