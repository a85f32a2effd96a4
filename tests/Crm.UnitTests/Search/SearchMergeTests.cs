using Crm.Gateway.Search;
using Crm.ServiceDefaults.Search;
using Shouldly;

namespace Crm.UnitTests.Search;

public sealed class SearchMergeTests
{
    private static SearchGroup Group(string type, int? bestRank) => new(type, bestRank is null ? 0 : 1, []) { BestRank = bestRank };

    [Fact]
    public void Groups_follow_the_order_the_types_were_given_in()
    {
        var merged = SearchMerge.Groups([Group("Account", 3), Group("Order", 0), Group("Case", 1)], ["Case", "Order", "Account"], byBestMatch: false);

        merged.Select(g => g.Type).ShouldBe(["Case", "Order", "Account"]);
        merged.ShouldAllBe(g => g.BestRank == null);
    }

    [Fact]
    public void Without_types_the_best_match_comes_first_and_empty_groups_last()
    {
        var merged = SearchMerge.Groups(
            [Group("Account", 3), Group("Contact", null), Group("Order", 0), Group("Lead", 3), Group("Case", null)],
            SearchTypes.All,
            byBestMatch: true);

        merged.Select(g => g.Type).ShouldBe(["Order", "Account", "Lead", "Contact", "Case"]);
    }

    [Fact]
    public void Recent_records_are_newest_first_across_services()
    {
        var now = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        RecentItem Item(string type, int minutesAgo) => new(type, Guid.NewGuid(), type, null, "/", now.AddMinutes(-minutesAgo));

        SearchMerge.Recent([Item("Account", 5), Item("Order", 1), Item("Case", 3), Item("Lead", 9)], 3)
            .Select(i => i.Type).ShouldBe(["Order", "Case", "Account"]);
    }

    [Theory]
    [InlineData("Account", "/accounts/")]
    [InlineData("Opportunity", "/opportunities/")]
    [InlineData("Case", "/cases/")]
    [InlineData("Order", "/orders/")]
    [InlineData("Contract", "/contracts/")]
    public void Urls_are_the_web_apps_record_pages(string type, string prefix)
    {
        var id = Guid.NewGuid();
        SearchTypes.Url(type, id).ShouldBe(prefix + id);
    }
}
