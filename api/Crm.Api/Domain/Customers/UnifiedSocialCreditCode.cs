namespace Crm.Api.Domain.Customers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the last one is a check character
/// computed from the first 17 with fixed weights, modulo 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18)
            return false;
        foreach (var ch in code)
            if (Alphabet.IndexOf(ch) < 0)
                return false;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
                throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>
    /// Builds a valid code from its parts: registration authority + entity type (2 chars), administrative
    /// division (6 digits) and a 9-character organisation code whose own check digit follows GB 11714.
    /// </summary>
    public static string Compose(string authorityAndType, string divisionCode, string organisationBody8)
    {
        var orgCode = organisationBody8 + OrganisationCodeCheck(organisationBody8);
        var first17 = authorityAndType + divisionCode + orgCode;
        return first17 + CheckCharacter(first17);
    }

    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private static char OrganisationCodeCheck(string body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = body8[i];
            var value = char.IsDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * OrgWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}
