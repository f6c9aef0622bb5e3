using System.Text.RegularExpressions;

namespace Crm.Api.Domain.FollowUp;

/// <summary>Dates worth a greeting (关怀): birthdays, and anniversaries written as "结婚纪念日 05-20" in a key person's record.</summary>
public static partial class CareDates
{
    /// <summary>The festivals the policy greets customers on (DOMAIN.md §5).</summary>
    public static IReadOnlyList<string> Festivals { get; } = ["元旦", "春节", "劳动节", "端午节", "中秋节", "国庆节"];

    /// <summary>The next date on or after <paramref name="from"/> that falls on this month and day (29 February: the 28th in other years).</summary>
    public static DateOnly NextOccurrence(int month, int day, DateOnly from)
    {
        for (var year = from.Year; ; year++)
        {
            var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            if (candidate >= from)
                return candidate;
        }
    }

    /// <summary>Each "label MM-DD" (or M月D日) in free text; the label is the words before the date.</summary>
    public static IReadOnlyList<(string Label, int Month, int Day)> Anniversaries(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var found = new List<(string, int, int)>();
        foreach (Match m in AnniversaryPattern().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
                continue;
            var label = m.Groups["label"].Value.Trim(' ', '，', ',', '；', ';', '：', ':');
            found.Add((label.Length == 0 ? "纪念日" : label, month, day));
        }
        return found;
    }

    [GeneratedRegex(@"(?<label>[^\d,，;；]*?)\s*(?<m>\d{1,2})(?:-|/|月)(?<d>\d{1,2})日?")]
    private static partial Regex AnniversaryPattern();
}
