namespace Crm.Api.Domain.Classification;

/// <summary>One problem of a scheme; <see cref="Path"/> names the JSON member (e.g. rules[2].conditions[0].field).</summary>
public sealed record SchemeError(string Path, string Message);

public static class SchemeValidator
{
    public static IReadOnlyList<SchemeError> Validate(GradingScheme scheme)
    {
        var errors = new List<SchemeError>();
        void Add(string path, string message) => errors.Add(new SchemeError(path, message));

        if (string.IsNullOrWhiteSpace(scheme.Code))
            Add("code", "方案编码不能为空。");
        if (string.IsNullOrWhiteSpace(scheme.Name))
            Add("name", "方案名称不能为空。");

        var grades = new HashSet<string>(StringComparer.Ordinal);
        if (scheme.Grades is not { Count: > 0 })
            Add("grades", "方案至少要定义一个等级。");
        else
            for (var i = 0; i < scheme.Grades.Count; i++)
            {
                var g = scheme.Grades[i];
                if (string.IsNullOrWhiteSpace(g.Code))
                    Add($"grades[{i}].code", "等级编码不能为空。");
                else if (!grades.Add(g.Code))
                    Add($"grades[{i}].code", $"等级编码“{g.Code}”重复。");
                if (string.IsNullOrWhiteSpace(g.Name))
                    Add($"grades[{i}].name", "等级名称不能为空。");
            }

        var rules = scheme.Rules ?? [];
        if (rules.Count == 0 && scheme.Score is null)
            Add("rules", "方案既没有规则也没有评分。");

        var produced = new HashSet<string>(StringComparer.Ordinal);
        void CheckGrade(string path, string? grade)
        {
            if (grade is null || !grades.Contains(grade))
                Add(path, $"等级“{grade}”未在方案中定义。");
            else
                produced.Add(grade);
        }

        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var path = $"rules[{r}]";
            if (string.IsNullOrWhiteSpace(rule.Id))
                Add($"{path}.id", "规则编号不能为空。");
            else if (!ruleIds.Add(rule.Id))
                Add($"{path}.id", $"规则编号“{rule.Id}”重复。");
            if (string.IsNullOrWhiteSpace(rule.Name))
                Add($"{path}.name", "规则名称不能为空。");
            CheckGrade($"{path}.grade", rule.Grade);
            if (rule.Conditions is not { Count: > 0 })
                Add($"{path}.conditions", "规则至少要有一个条件。");
            else
                for (var c = 0; c < rule.Conditions.Count; c++)
                    ValidateCondition($"{path}.conditions[{c}]", rule.Conditions[c], Add);
        }

        if (scheme.Score is { } score)
            ValidateScore(score, Add, CheckGrade);
        else
            CheckGrade("defaultGrade", scheme.DefaultGrade);

        if (scheme.Score is not null && scheme.DefaultGrade is { } d && !grades.Contains(d))
            Add("defaultGrade", $"等级“{d}”未在方案中定义。");

        if (scheme.Grades is { } defined)
            for (var i = 0; i < defined.Count; i++)
                if (!string.IsNullOrWhiteSpace(defined[i].Code) && !produced.Contains(defined[i].Code))
                    Add($"grades[{i}]", $"等级“{defined[i].Code}”不会被任何规则、分数段或默认等级得出。");

        return errors;
    }

    private static void ValidateCondition(string path, Condition condition, Action<string, string> add)
    {
        if (!GradingFields.TryGet(condition.Field, out var field))
        {
            add($"{path}.field", $"未知字段“{condition.Field}”。");
            return;
        }
        if (!OperatorAllowed(field.Type, condition.Operator))
        {
            add($"{path}.operator", $"运算符 {condition.Operator} 不适用于{FieldValues.TypeName(field.Type)}字段“{field.Name}”。");
            return;
        }
        var values = condition.Values ?? [];
        var (min, max) = condition.Operator switch
        {
            ConditionOperator.Between => (2, 2),
            ConditionOperator.In => (1, int.MaxValue),
            ConditionOperator.Eq or ConditionOperator.NotEq when field.Type == GradingFieldType.Flags => (1, int.MaxValue),
            _ => (1, 1),
        };
        if (values.Count < min || values.Count > max)
        {
            var expected = min == max ? $"{min} 个" : $"至少 {min} 个";
            add($"{path}.values", $"运算符 {condition.Operator} 需要{expected}值，实际为 {values.Count} 个。");
            return;
        }
        var parsed = new decimal[values.Count];
        var ok = true;
        for (var i = 0; i < values.Count; i++)
            if (!FieldValues.TryParse(field, values[i], out parsed[i]))
            {
                ok = false;
                var allowed = field.EnumType is { } t ? $"（可选：{string.Join("、", Enum.GetNames(t))}）" : "";
                add($"{path}.values[{i}]", $"“{values[i]}”不是字段“{field.Name}”的有效{FieldValues.TypeName(field.Type)}{allowed}。");
            }
        if (ok && condition.Operator == ConditionOperator.Between && parsed[0] > parsed[1])
            add($"{path}.values", $"区间下限 {values[0]} 大于上限 {values[1]}。");
    }

    public static bool OperatorAllowed(GradingFieldType type, ConditionOperator op) => type switch
    {
        GradingFieldType.Number or GradingFieldType.Integer => true,
        GradingFieldType.Boolean => op is ConditionOperator.Eq or ConditionOperator.NotEq,
        GradingFieldType.Enum or GradingFieldType.Flags => op is ConditionOperator.Eq or ConditionOperator.NotEq or ConditionOperator.In,
        _ => false,
    };

    private static void ValidateScore(ScoreDefinition score, Action<string, string> add, Action<string, string?> checkGrade)
    {
        var criteria = score.Criteria ?? [];
        if (criteria.Count == 0)
            add("score.criteria", "评分至少要有一项指标。");
        decimal total = 0;
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var path = $"score.criteria[{i}]";
            total += c.Weight;
            if (c.Weight <= 0)
                add($"{path}.weight", $"权重必须大于 0，实际为 {c.Weight}。");
            if (!GradingFields.TryGet(c.Field, out var field))
            {
                add($"{path}.field", $"未知字段“{c.Field}”。");
                continue;
            }
            switch (c.Normalisation)
            {
                case LinearNormalisation when !field.IsNumeric:
                    add($"{path}.normalisation", $"线性换算只适用于数值字段，“{field.Name}”是{FieldValues.TypeName(field.Type)}。");
                    break;
                case LinearNormalisation l when l.Min == l.Max:
                    add($"{path}.normalisation", "线性换算的下限与上限不能相同。");
                    break;
                case LookupNormalisation when field.Type is not (GradingFieldType.Enum or GradingFieldType.Boolean):
                    add($"{path}.normalisation", $"对照表只适用于枚举或布尔字段，“{field.Name}”是{FieldValues.TypeName(field.Type)}。");
                    break;
                case LookupNormalisation t:
                    if (t.Otherwise is < 0 or > 100)
                        add($"{path}.normalisation.otherwise", $"分值须在 0–100 之间，实际为 {t.Otherwise}。");
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    var entries = t.Entries ?? [];
                    for (var e = 0; e < entries.Count; e++)
                    {
                        if (!FieldValues.TryParse(field, entries[e].Value, out _))
                            add($"{path}.normalisation.entries[{e}].value", $"“{entries[e].Value}”不是字段“{field.Name}”的有效{FieldValues.TypeName(field.Type)}。");
                        else if (!seen.Add(entries[e].Value))
                            add($"{path}.normalisation.entries[{e}].value", $"“{entries[e].Value}”重复。");
                        if (entries[e].Score is < 0 or > 100)
                            add($"{path}.normalisation.entries[{e}].score", $"分值须在 0–100 之间，实际为 {entries[e].Score}。");
                    }
                    break;
                case null:
                    add($"{path}.normalisation", "缺少换算方式。");
                    break;
            }
        }
        if (criteria.Count > 0 && total != 100)
            add("score.criteria", $"权重合计为 {total}，应为 100。");

        var bands = score.Bands ?? [];
        if (bands.Count == 0)
        {
            add("score.bands", "评分至少要有一个分数段。");
            return;
        }
        var valid = new List<(int Index, ScoreBand Band)>();
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            checkGrade($"score.bands[{i}].grade", b.Grade);
            if (b.MinScore < 0 || b.MaxScore > 100 || b.MinScore >= b.MaxScore)
                add($"score.bands[{i}]", $"分数段 [{b.MinScore}, {b.MaxScore}) 无效：须满足 0 ≤ 下限 < 上限 ≤ 100。");
            else
                valid.Add((i, b));
        }
        if (valid.Count != bands.Count)
            return;
        valid.Sort((x, y) => x.Band.MinScore.CompareTo(y.Band.MinScore));
        var reached = 0m;
        foreach (var (i, b) in valid)
        {
            if (b.MinScore < reached)
                add($"score.bands[{i}]", $"分数段 [{b.MinScore}, {b.MaxScore}) 与其他分数段重叠：[{b.MinScore}, {Math.Min(reached, b.MaxScore)}) 已被覆盖。");
            else if (b.MinScore > reached)
                add($"score.bands[{i}]", $"分数段之间有空缺：[{reached}, {b.MinScore}) 未被覆盖。");
            reached = Math.Max(reached, b.MaxScore);
        }
        if (reached < 100)
            add("score.bands", $"分数段未覆盖到 100：[{reached}, 100] 未被覆盖。");
    }
}
