using CsCheck;
using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests;

public sealed class UnifiedSocialCreditCodeTests
{
    // Each of these was checked by hand against GB 32100-2015 (weights 3^i mod 31, check = (31 - sum mod 31) mod 31)
    // and its organisation-code part against GB 11714.
    public static TheoryData<string> PublishedCodes =>
    [
        "91350100M000100Y43", // the standard's own worked example
        "91110000600037341L",
        "911100001000080343",
        "91440300708461136T",
    ];

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Published_codes_are_valid(string code) =>
        UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void A_changed_check_character_makes_a_published_code_invalid(string code)
    {
        foreach (var other in UnifiedSocialCreditCode.Alphabet.Where(c => c != code[17]))
            UnifiedSocialCreditCode.IsValid(code[..17] + other).ShouldBeFalse($"check character {other}");
    }

    [Fact]
    public void A_changed_body_character_is_caught_by_the_check_character() =>
        // '1' → '2' in position 2 of the worked example.
        UnifiedSocialCreditCode.IsValid("92350100M000100Y43").ShouldBeFalse();

    [Fact]
    public void Check_character_matches_the_standards_worked_example()
    {
        // 9 1 3 5 0 1 0 0 M(21) 0 0 0 1 0 0 Y(30) 4 weighted by 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
        UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4").ShouldBe('3');
    }

    [Fact]
    public void A_weighted_sum_divisible_by_31_gives_check_character_0() =>
        // All zeros: sum 0, (31 - 0) mod 31 = 0, not the out-of-range index 31.
        UnifiedSocialCreditCode.CheckCharacter(new string('0', 17)).ShouldBe('0');

    [Theory]
    [InlineData(" 91350100m000100y43 ")]
    [InlineData("\t91110000600037341l\n")]
    public void Normalize_trims_and_uppercases_so_the_code_validates(string input)
    {
        UnifiedSocialCreditCode.IsValid(input).ShouldBeFalse("IsValid expects normalised input");
        var normalized = UnifiedSocialCreditCode.Normalize(input);
        normalized.ShouldBe(input.Trim().ToUpperInvariant());
        UnifiedSocialCreditCode.IsValid(normalized).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]   // 17
    [InlineData("91350100M000100Y433")] // 19
    public void Codes_that_are_not_18_characters_are_invalid(string? code) =>
        UnifiedSocialCreditCode.IsValid(code).ShouldBeFalse();

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Forbidden_letters_are_not_in_the_alphabet_and_make_a_code_invalid(char letter)
    {
        UnifiedSocialCreditCode.Alphabet.ShouldNotContain(letter);
        // Put the letter in the body (replacing the M) and in the check position.
        UnifiedSocialCreditCode.IsValid("91350100" + letter + "000100Y43").ShouldBeFalse();
        UnifiedSocialCreditCode.IsValid("91350100M000100Y4" + letter).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91350100" + letter + "000100Y4"));
    }

    [Fact]
    public void The_alphabet_has_the_31_characters_of_the_standard() =>
        UnifiedSocialCreditCode.Alphabet.ShouldBe("0123456789ABCDEFGHJKLMNPQRTUWXY");

    [Fact]
    public void Check_character_needs_exactly_17_characters()
    {
        Should.Throw<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y"));
        Should.Throw<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y43"));
    }

    [Fact]
    public void Prefix_plus_its_check_character_is_valid_and_any_other_18th_character_is_not()
    {
        var alphabetChar = Gen.Int[0, UnifiedSocialCreditCode.Alphabet.Length - 1].Select(i => UnifiedSocialCreditCode.Alphabet[i]);
        var prefix = alphabetChar.Array[17].Select(cs => new string(cs));
        Gen.Select(prefix, alphabetChar).Sample((first17, other) =>
        {
            var check = UnifiedSocialCreditCode.CheckCharacter(first17);
            UnifiedSocialCreditCode.IsValid(first17 + check).ShouldBeTrue();
            if (other != check)
                UnifiedSocialCreditCode.IsValid(first17 + other).ShouldBeFalse();
        });
    }

    [Theory]
    [InlineData("91", "350100", "M000100Y", "91350100M000100Y43")]
    [InlineData("91", "110000", "60003734", "91110000600037341L")]
    [InlineData("91", "110000", "10000803", "911100001000080343")]
    [InlineData("91", "440300", "70846113", "91440300708461136T")]
    public void Compose_rebuilds_published_codes_from_their_parts(string authorityAndType, string division, string body8, string expected) =>
        UnifiedSocialCreditCode.Compose(authorityAndType, division, body8).ShouldBe(expected);

    [Fact]
    public void Compose_produces_valid_codes()
    {
        var digit = Gen.Int[0, 9].Select(i => (char)('0' + i));
        var alphabetChar = Gen.Int[0, UnifiedSocialCreditCode.Alphabet.Length - 1].Select(i => UnifiedSocialCreditCode.Alphabet[i]);
        var authority = Gen.OneOf("11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1");
        var division = digit.Array[6].Select(cs => new string(cs));
        var body = alphabetChar.Array[8].Select(cs => new string(cs));
        Gen.Select(authority, division, body).Sample((a, d, b) =>
        {
            var code = UnifiedSocialCreditCode.Compose(a, d, b);
            code.Length.ShouldBe(18);
            code.ShouldStartWith(a + d + b);
            UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();
        });
    }
}
