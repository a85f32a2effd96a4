using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Search;
using Shouldly;

namespace Crm.UnitTests.Search;

public sealed class SearchRequestTests
{
    [Fact]
    public void Defaults_are_every_type_in_order_and_five_per_type()
    {
        var request = SearchRequest.Parse("  acme  ", null, null, new ValidationErrors())!;

        request.Q.ShouldBe("acme");
        request.Types.ShouldBe(["Account", "Contact", "Lead", "Opportunity", "Order", "Contract", "Case"]);
        request.Limit.ShouldBe(5);
    }

    [Fact]
    public void Types_keep_the_order_given_once_each()
    {
        SearchRequest.Parse("acme", "Case, Account,Case", "50", new ValidationErrors())!.Types.ShouldBe(["Case", "Account"]);
    }

    [Theory]
    [InlineData(null, null, null, "q")]
    [InlineData(" a ", null, null, "q")]
    [InlineData("acme", "Account,account", null, "types")]
    [InlineData("acme", "Widget", null, "types")]
    [InlineData("acme", ",", null, "types")]
    [InlineData("acme", null, "0", "limit")]
    [InlineData("acme", null, "51", "limit")]
    [InlineData("acme", null, "-1", "limit")]
    [InlineData("acme", null, "5.0", "limit")]
    public void Bad_input_names_its_field(string? q, string? types, string? limit, string field)
    {
        var errors = new ValidationErrors();

        SearchRequest.Parse(q, types, limit, errors).ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe([field]);
    }

    [Fact]
    public void A_text_too_long_is_refused()
    {
        var errors = new ValidationErrors();
        SearchRequest.Parse(new string('x', SearchRequest.MaxLength + 1), null, null, errors).ShouldBeNull();
        errors.ToDictionary()["q"].ShouldNotBeEmpty();
    }
}
