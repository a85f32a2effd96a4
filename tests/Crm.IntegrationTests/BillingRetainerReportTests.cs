using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

[Collection(CrmCollection.Name)]
public sealed class BillingRetainerReportTests(CrmFixture fixture)
{
    private static Task<JsonNode> PayContractAsync(BillingDeal deal, JsonNode contract, object amount, string periodStart, string status = "Completed") =>
        deal.Client.PostJsonAsync($"/api/v1/contracts/{contract.Str("id")}/payments", new
        {
            amount,
            payment_date = periodStart,
            payment_method = "Bank Transfer",
            status,
            service_period_start = periodStart,
            service_period_end = DateOnly.Parse(periodStart, System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).CreatedAsync();

    private static JsonNode? RowOf(JsonNode report, BillingDeal deal) =>
        report["rows"]!.AsArray().SingleOrDefault(r => r!.Str("account_id") == deal.Account.Str("id"));

    [Fact]
    public async Task Completed_retainer_payments_are_summed_by_service_month_per_account()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2031-01-01", end_date = "2031-12-31", billing_cycle = "Monthly", price_per_cycle = 500 });
        await PayContractAsync(deal, contract, 500, "2031-01-01");
        await PayContractAsync(deal, contract, "250.50", "2031-01-15");
        await PayContractAsync(deal, contract, 500, "2031-03-01");
        await PayContractAsync(deal, contract, 500, "2031-04-01", status: "Pending");
        await PayContractAsync(deal, contract, 500, "2032-01-01");
        var voided = await PayContractAsync(deal, contract, 500, "2031-05-01");
        await deal.Client.PutJsonAsync($"/api/v1/payments/{voided.Str("id")}", new { status = "Void", version = 1 }).OkAsync();

        // The order of a deal with a retainer line: its payments with a service period count too.
        var order = await deal.GenerateOrderAsync();
        await deal.Client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new
        {
            amount = 450,
            payment_date = "2031-02-03",
            payment_method = "Stripe",
            service_period_start = "2031-02-01",
            service_period_end = "2031-02-28",
        }).CreatedAsync();
        await deal.Client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 1000, payment_date = "2031-02-03", payment_method = "Stripe" }).CreatedAsync();

        var report = await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2031").OkAsync();
        report.Int("year").ShouldBe(2031);
        report["months"]!.AsArray().Select(m => m!.GetValue<int>()).ShouldBe(Enumerable.Range(1, 12));
        var row = RowOf(report, deal)!;
        row.ShouldNotBeNull();
        row.Str("account_name").ShouldBe(deal.Account.Str("name"));
        var months = row["months"]!.AsObject();
        months.Select(m => m.Key).ShouldBe(["1", "2", "3"]);
        months["1"]!.GetValue<string>().ShouldBe("750.50");
        months["2"]!.GetValue<string>().ShouldBe("450.00");
        months["3"]!.GetValue<string>().ShouldBe("500.00");
        row.Str("total").ShouldBe("1700.50");

        var names = report["rows"]!.AsArray().Select(r => r!.Str("account_name")).ToList();
        names.ShouldBe(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList());

        var next = await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2032").OkAsync();
        RowOf(next, deal)!.Str("total").ShouldBe("500.00");
    }

    [Fact]
    public async Task Accounts_without_retainer_payments_are_left_out()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2033-01-01", end_date = "2033-12-31", billing_cycle = "Monthly" });
        await PayContractAsync(deal, contract, 500, "2033-06-01", status: "Failed");

        var report = await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2033").OkAsync();
        RowOf(report, deal).ShouldBeNull();
    }

    [Fact]
    public async Task The_year_defaults_to_the_current_one_and_a_bad_year_is_refused()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var report = await client.GetAsync("/api/v1/reports/retainer-payments").OkAsync();
        report.Int("year").ShouldBe(DateTime.UtcNow.Year);

        foreach (var bad in new[] { "abc", "1999", "20255", "-1" })
        {
            var response = await client.GetAsync($"/api/v1/reports/retainer-payments?year={bad}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await response.ReadJsonAsync()).ErrorsFor("year").ShouldNotBeEmpty();
        }
    }
}
