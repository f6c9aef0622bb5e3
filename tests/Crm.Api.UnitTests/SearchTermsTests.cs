using CsCheck;
using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests;

public sealed class SearchTermsTests
{
    [Fact]
    public void A_name_yields_its_bigrams_without_the_common_legal_form_bigrams()
    {
        var terms = SearchTerms.ForName("上海华信贸易有限公司");

        terms.ShouldBe(["上海", "海华", "华信", "信贸", "贸易", "易有"], ignoreOrder: true);
        terms.ShouldContain("华信");
        terms.ShouldNotContain("有限");
        terms.ShouldNotContain("限公");
        terms.ShouldNotContain("公司");
    }

    [Theory]
    [InlineData("股份有限公司")]
    [InlineData("有限公司")]
    [InlineData("分公司")]
    [InlineData("责任有限公司")]
    public void Names_made_only_of_legal_form_words_yield_no_terms(string name) =>
        SearchTerms.ForName(name).ShouldBeEmpty();

    [Fact]
    public void Repeated_bigrams_are_stored_once()
    {
        var terms = SearchTerms.ForName("华信华信");
        terms.Count.ShouldBe(2);
        terms.ShouldBe(["华信", "信华"], ignoreOrder: true);
    }

    [Fact]
    public void A_two_character_query_gives_itself_as_the_only_term() =>
        SearchTerms.ForQuery("华信").ShouldBe(["华信"]);

    [Theory]
    [InlineData("华")]
    [InlineData("")]
    [InlineData(" 华 ")]
    [InlineData("（华）")]
    public void A_query_of_fewer_than_two_characters_gives_no_terms(string query) =>
        SearchTerms.ForQuery(query).ShouldBeEmpty();

    [Fact]
    public void A_query_made_only_of_common_words_gives_no_terms() =>
        SearchTerms.ForQuery("有限公司").ShouldBeEmpty();

    [Fact]
    public void Query_terms_are_distinct()
    {
        var terms = SearchTerms.ForQuery("华信华信华信");
        terms.ShouldBe(terms.Distinct().ToList());
        terms.ShouldBe(["华信", "信华"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("上海 华信，贸易（有限）公司！", "上海华信贸易有限公司")]
    [InlineData("  abc-Def_g  ", "ABCDEFG")]
    [InlineData("华信\t\n贸易", "华信贸易")]
    [InlineData("华信+贸易=$", "华信贸易")]
    [InlineData("华信·贸易、《公司》", "华信贸易公司")]
    public void Normalize_drops_whitespace_punctuation_and_symbols_and_uppercases(string input, string expected) =>
        SearchTerms.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Punctuation_and_case_do_not_change_the_terms()
    {
        SearchTerms.ForName("华信 (Ab) 贸易").ShouldBe(SearchTerms.ForName("华信ab贸易"), ignoreOrder: true);
        SearchTerms.ForQuery("a b").ShouldBe(["AB"]);
        SearchTerms.ForQuery("华 信").ShouldBe(["华信"]);
    }

    [Fact]
    public void Bigrams_span_across_removed_punctuation()
    {
        // After normalisation 华信·贸易 is 华信贸易: the query 信贸 must still find it.
        SearchTerms.ForName("华信·贸易").ShouldContain("信贸");
    }

    // Chinese characters, weighted towards the legal-form characters so the common-bigram filter is exercised,
    // plus a little punctuation, whitespace and Latin letters of both cases.
    private static readonly Gen<char> NameChar = Gen.Frequency(
        (6, Gen.Char['\u4E00', '\u9FA5']),
        (3, Gen.OneOf('有', '限', '公', '司', '责', '任', '股', '份', '集', '团', '分', '华', '信')),
        (1, Gen.OneOf(' ', '（', '）', '·', ',', '-', 'a', 'B')));

    private static readonly Gen<string> Name = NameChar.Array[0, 20].Select(cs => new string(cs));

    [Fact]
    public void Query_terms_are_a_subset_of_the_name_terms_whenever_the_query_is_a_substring_of_the_name()
    {
        Gen.Select(Name, Gen.Int[0, 20], Gen.Int[0, 20]).Sample((name, a, b) =>
        {
            var start = Math.Min(a, name.Length);
            var length = Math.Min(b, name.Length - start);
            var query = name.Substring(start, length);
            var nameTerms = SearchTerms.ForName(name);
            SearchTerms.ForQuery(query).ShouldAllBe(t => nameTerms.Contains(t));
        });
    }

    [Fact]
    public void Every_term_is_two_characters_and_never_a_common_legal_form_bigram()
    {
        string[] common = ["有限", "限公", "公司", "责任", "任有", "股份", "份有", "集团", "分公", "有公"];
        Name.Sample(name =>
        {
            foreach (var term in SearchTerms.ForName(name))
            {
                term.Length.ShouldBe(SearchTerms.MaxTermLength);
                common.ShouldNotContain(term);
                SearchTerms.Normalize(name).ShouldContain(term);
            }
        });
    }
}
