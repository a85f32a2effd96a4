using Crm.ServiceDefaults.Search;
using Shouldly;

namespace Crm.UnitTests.Search;

public sealed class SearchTermTests
{
    [Fact]
    public void The_text_is_lower_case_and_wildcards_are_literal()
    {
        var term = SearchTerm.From(" 50%_Off\\ ");

        term.Text.ShouldBe("50%_off\\");
        term.Contains.ShouldBe("%50\\%\\_off\\\\%");
        term.StartsWith.ShouldBe("50\\%\\_off\\\\%");
    }

    [Fact]
    public void The_word_start_pattern_escapes_regular_expression_characters()
    {
        SearchTerm.From("a.b(c)*").WordStart.ShouldBe("(^|[^[:alnum:]])a\\.b\\(c\\)\\*");
        SearchTerm.From("ORD-0001").WordStart.ShouldBe("(^|[^[:alnum:]])ord\\-0001");
    }

    [Theory]
    [InlineData("studio", true)]
    [InlineData("stdio", true)]
    [InlineData("stud", false)]
    [InlineData("big studio", false)]
    [InlineData("00001001", false)]
    [InlineData("ord-000123", true)]
    public void Typos_are_forgiven_only_in_one_word_of_five_or_more_with_a_letter(string q, bool fuzzy)
    {
        SearchTerm.From(q).Fuzzy.ShouldBe(fuzzy);
    }

    [Fact]
    public void The_rank_is_the_best_over_the_keys_in_the_order_exact_prefix_word_inside_close()
    {
        SearchRank.Exact.ShouldBeLessThan(SearchRank.Prefix);
        SearchRank.Prefix.ShouldBeLessThan(SearchRank.WordStart);
        SearchRank.WordStart.ShouldBeLessThan(SearchRank.Inside);
        SearchRank.Inside.ShouldBeLessThan(SearchRank.Close);

        var rank = SearchSql.Rank(["lower(a.name)", "lower(a.website)"], "a.search_text");
        rank.ShouldBe(
            "CASE WHEN lower(a.name) = @q OR lower(a.website) = @q THEN 0 " +
            "WHEN lower(a.name) LIKE @starts_with OR lower(a.website) LIKE @starts_with THEN 1 " +
            "WHEN a.search_text ~ @word_start THEN 2 WHEN a.search_text LIKE @contains THEN 3 ELSE 4 END");
    }

    [Fact]
    public void Only_a_fuzzy_search_adds_the_trigram_and_levenshtein_check()
    {
        SearchSql.Match("lower(o.name)", fuzzy: false).ShouldBe("lower(o.name) LIKE @contains");
        var fuzzy = SearchSql.Match("lower(o.name)", fuzzy: true);
        fuzzy.ShouldContain("lower(o.name) %> @q");
        fuzzy.ShouldContain("levenshtein_less_equal(w.word, @q, 1) <= 1");
    }
}
