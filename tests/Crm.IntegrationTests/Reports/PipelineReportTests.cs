using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Reports;

public sealed class PipelineReportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    /// <summary>"stage count amount weighted" per stage, in the report's order.</summary>
    private static string[] Stages(JsonNode report) =>
        report["stages"]!.AsArray().Select(s => $"{s!.Str("stage")} {s!.Int("count")} {s!.Str("amount")} {s!.Str("weighted_amount")}").ToArray();

    [Fact]
    public async Task Deals_are_summed_by_stage_within_owner_and_close_dates_and_a_reopened_deal_returns_to_the_pipeline()
    {
        var seller = await ReportSeller.CreateAsync(fixture);
        // A year of close dates no other test uses, inside the dates the API takes.
        var year = Random.Shared.Next(2101, 2199);
        var range = $"owner_id=me&close_from={year}-01-01&close_to={year}-12-31";

        await seller.DealAsync("Qualifying", $"{year}-01-01", 600m, 400m);
        await seller.DealAsync("Proposal", $"{year}-06-15", 1500m);
        await seller.DealAsync("Proposal", $"{year}-12-31");
        await seller.DealAsync("Negotiation", $"{year + 1}-01-01", 9000m);
        await seller.DealAsync("Negotiation", null, 8000m);
        await seller.DealAsync("Closed Lost", $"{year}-03-01", 500m);
        var reopened = await seller.DealAsync("Closed Won", $"{year}-07-01", 2000m);

        var won = await seller.Client.GetAsync($"/api/v1/reports/pipeline?{range}").OkAsync();
        Stages(won).ShouldBe([
            "Qualifying 1 1000.00 100.00",
            "Proposal 2 1500.00 750.00",
            "Negotiation 0 0.00 0.00",
            "Closed Won 1 2000.00 2000.00",
            "Closed Lost 1 500.00 0.00",
        ]);
        won.Str("open_amount").ShouldBe("2500.00");
        won.Str("open_weighted_amount").ShouldBe("850.00");

        // Moved back from Closed Won to an open stage: counted there, at that stage's probability.
        await seller.MoveAsync(reopened, "Negotiation");
        var report = await seller.Client.GetAsync($"/api/v1/reports/pipeline?{range}").OkAsync();
        Stages(report).ShouldBe([
            "Qualifying 1 1000.00 100.00",
            "Proposal 2 1500.00 750.00",
            "Negotiation 1 2000.00 1500.00",
            "Closed Won 0 0.00 0.00",
            "Closed Lost 1 500.00 0.00",
        ]);
        report.Str("open_amount").ShouldBe("4500.00");
        report.Str("open_weighted_amount").ShouldBe("2350.00");

        // Without dates every deal of the owner counts, those without a close date too; the owner's id reads as "me".
        var all = await seller.Client.GetAsync($"/api/v1/reports/pipeline?owner_id={seller.User.Id}").OkAsync();
        Stages(all)[2].ShouldBe("Negotiation 3 19000.00 14250.00");

        // An empty period lists every stage with zeros.
        var empty = await seller.Client.GetAsync($"/api/v1/reports/pipeline?owner_id=me&close_from={year + 2}-01-01&close_to={year + 2}-01-31").OkAsync();
        Stages(empty).ShouldAllBe(s => s.EndsWith(" 0 0.00 0.00", StringComparison.Ordinal));
        Stages(empty).Length.ShouldBe(5);
        empty.Str("open_amount").ShouldBe("0.00");

        // The bar's list: that stage's opportunities within the same filters.
        var list = await seller.Client.GetAsync($"/api/v1/opportunities?stage=Proposal&{range}").OkAsync();
        list.Int("total").ShouldBe(2);
        list.Str("total_amount").ShouldBe("1500.00");
        var csv = await seller.Client.GetStringAsync($"/api/v1/opportunities/export.csv?stage=Negotiation&{range}");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Bad_filters_are_refused_per_field()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var problem = await client.GetAsync("/api/v1/reports/pipeline?owner_id=someone&close_from=2026-02-30&close_to=2026-01-01").ProblemAsync();
        problem.ErrorsFor("owner_id").ShouldNotBeEmpty();
        problem.ErrorsFor("close_from").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/pipeline?close_from=2026-02-01&close_to=2026-01-31").ProblemAsync()).ErrorsFor("close_to").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/opportunities?close_to=9999-12-31").ProblemAsync()).ErrorsFor("close_to").ShouldNotBeEmpty();
        (await fixture.CreateClient().GetAsync("/api/v1/reports/pipeline")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
