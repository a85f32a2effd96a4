using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Reports;

public sealed class WonRevenueReportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    /// <summary>"month count amount" for the months with any won deal.</summary>
    private static string[] WonMonths(JsonNode report) =>
        report["months"]!.AsArray().Where(m => m!.Int("count") > 0).Select(m => $"{m!.Int("month")} {m!.Int("count")} {m!.Str("amount")}").ToArray();

    [Fact]
    public async Task Closed_won_deals_are_summed_by_close_month_and_a_reopened_deal_leaves_the_report()
    {
        var seller = await ReportSeller.CreateAsync(fixture);
        var year = Random.Shared.Next(2101, 2199);

        await seller.DealAsync("Closed Won", $"{year}-03-01", 1000m);
        await seller.DealAsync("Closed Won", $"{year}-03-31", 1500m, 500.50m);
        await seller.DealAsync("Closed Won", $"{year}-11-30", 750m);
        await seller.DealAsync("Closed Won", $"{year + 1}-01-01", 9000m);
        await seller.DealAsync("Closed Lost", $"{year}-05-01", 8000m);
        await seller.DealAsync("Negotiation", $"{year}-05-01", 7000m);
        var reopened = await seller.DealAsync("Closed Won", $"{year}-11-01", 3000m);

        var report = await seller.Client.GetAsync($"/api/v1/reports/won-revenue?year={year}&owner_id=me").OkAsync();
        report.Int("year").ShouldBe(year);
        report["months"]!.AsArray().Select(m => m!.Int("month")).ShouldBe(Enumerable.Range(1, 12));
        WonMonths(report).ShouldBe(["3 2 3000.50", "11 2 3750.00"]);
        report.Str("total").ShouldBe("6750.50");
        report["months"]![0]!.Str("amount").ShouldBe("0.00");

        // Reopened: no longer won, so gone from its month.
        await seller.MoveAsync(reopened, "Proposal");
        var after = await seller.Client.GetAsync($"/api/v1/reports/won-revenue?year={year}&owner_id={seller.User.Id}").OkAsync();
        WonMonths(after).ShouldBe(["3 2 3000.50", "11 1 750.00"]);
        after.Str("total").ShouldBe("3750.50");

        // The next year holds only the deal closed on its first day; a year without deals is all zeros.
        WonMonths(await seller.Client.GetAsync($"/api/v1/reports/won-revenue?year={year + 1}&owner_id=me").OkAsync()).ShouldBe(["1 1 9000.00"]);
        var empty = await seller.Client.GetAsync($"/api/v1/reports/won-revenue?year={year - 1}&owner_id=me").OkAsync();
        WonMonths(empty).ShouldBeEmpty();
        empty["months"]!.AsArray().Count.ShouldBe(12);
        empty.Str("total").ShouldBe("0.00");

        // The bar's list: that month's won deals.
        var list = await seller.Client.GetAsync($"/api/v1/opportunities?stage=Closed%20Won&owner_id=me&close_from={year}-03-01&close_to={year}-03-31").OkAsync();
        list.Int("total").ShouldBe(2);
        list.Str("total_amount").ShouldBe("3000.50");
    }

    [Fact]
    public async Task The_year_defaults_to_this_one_and_a_bad_year_is_refused()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        (await client.GetAsync("/api/v1/reports/won-revenue?owner_id=me").OkAsync()).Int("year").ShouldBe(DateTime.UtcNow.Year);
        (await client.GetAsync("/api/v1/reports/won-revenue?year=abc").ProblemAsync()).ErrorsFor("year").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/won-revenue?year=9999").ProblemAsync()).ErrorsFor("year").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/won-revenue?owner_id=x").ProblemAsync()).ErrorsFor("owner_id").ShouldNotBeEmpty();
    }
}
