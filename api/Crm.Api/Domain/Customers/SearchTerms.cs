using System.Text;

namespace Crm.Api.Domain.Customers;

/// <summary>
/// Chinese names have no spaces, so substring search is done with a bigram index: every pair of adjacent
/// characters of a name is a term. A query of two or more characters is found by the terms it contains, then
/// confirmed against the name. Legal-form words that nearly every name contains are not indexed: they would
/// select most of the table and narrow nothing.
/// </summary>
public static class SearchTerms
{
    public const int MaxTermLength = 2;

    private static readonly HashSet<string> CommonBigrams =
    [
        "有限", "限公", "公司", "责任", "任有", "限责", "任公", "股份", "份有", "集团", "团有", "团公", "分公", "有公", "司分",
    ];

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch))
                continue;
            sb.Append(char.ToUpperInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>The distinct terms stored for a customer name.</summary>
    public static IReadOnlyCollection<string> ForName(string name)
    {
        var normalized = Normalize(name);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            var bigram = normalized.Substring(i, 2);
            if (!CommonBigrams.Contains(bigram))
                terms.Add(bigram);
        }
        return terms;
    }

    /// <summary>
    /// The terms a query must match. Empty when the query is too short or made only of common words: then the
    /// caller falls back to a plain substring scan.
    /// </summary>
    public static IReadOnlyList<string> ForQuery(string query) =>
        ForName(query).Distinct().ToList();
}
