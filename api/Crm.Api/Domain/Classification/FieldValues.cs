using System.Globalization;
using Crm.Api.Domain.Customers;

namespace Crm.Api.Domain.Classification;

/// <summary>Reads a scheme's text values and writes input values back as text, per field type.</summary>
public static class FieldValues
{
    public static bool TryParse(GradingField field, string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        switch (field.Type)
        {
            case GradingFieldType.Number:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            case GradingFieldType.Integer:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            case GradingFieldType.Boolean:
                if (text is "true" or "false")
                {
                    value = text == "true" ? 1 : 0;
                    return true;
                }
                return false;
            case GradingFieldType.Enum:
            case GradingFieldType.Flags:
                // By name only: Enum.TryParse would also take "3" or "1, 2".
                if (Array.IndexOf(Enum.GetNames(field.EnumType!), text) < 0)
                    return false;
                value = Convert.ToInt32(Enum.Parse(field.EnumType!, text), CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    public static string TypeName(GradingFieldType type) => type switch
    {
        GradingFieldType.Number => "数值",
        GradingFieldType.Integer => "整数",
        GradingFieldType.Boolean => "布尔值（true/false）",
        GradingFieldType.Enum => "枚举",
        GradingFieldType.Flags => "标记组合",
        _ => type.ToString(),
    };

    private static readonly Dictionary<GradingFieldId, string[]> EnumNames = GradingFields.All
        .Where(f => f.Type == GradingFieldType.Enum)
        .ToDictionary(f => f.Id, f => Enum.GetValues(f.EnumType!).Cast<object>()
            .OrderBy(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).Select(v => v.ToString()!).ToArray());

    /// <summary>The value as a scheme would write it; null when missing.</summary>
    public static string? Format(GradingField field, decimal? value)
    {
        if (value is not { } v)
            return null;
        return field.Type switch
        {
            GradingFieldType.Boolean => v != 0 ? "true" : "false",
            GradingFieldType.Enum => EnumNames[field.Id] is var names && v >= 0 && v < names.Length ? names[(int)v] : v.ToString(CultureInfo.InvariantCulture),
            GradingFieldType.Flags => ((RiskFlags)(int)v).ToString(),
            // "G29" drops the trailing zeros a stored scale adds (6000.0 → 6000), as a person writes the number.
            _ => v.ToString("G29", CultureInfo.InvariantCulture),
        };
    }
}
