using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class BillingRetainerReportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
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
    public async Task Accounts_with_neither_retainer_payments_nor_expected_payments_are_left_out()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2033-01-01", end_date = "2033-12-31", billing_cycle = "Quarterly", price_per_cycle = 1500 });
        await PayContractAsync(deal, contract, 500, "2033-06-01", status: "Failed");

        // Its contract expects payments in 2033: listed with nothing paid, nothing overdue yet.
        var report = await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2033").OkAsync();
        var row = RowOf(report, deal)!;
        row.ShouldNotBeNull();
        row["months"]!.AsObject().ShouldBeEmpty();
        row.Str("total").ShouldBe("0.00");
        row["expected"]!.AsObject().Select(m => $"{m.Key}={m.Value}").ShouldBe(["1=1500.00", "4=1500.00", "7=1500.00", "10=1500.00"]);
        row["overdue"]!.AsArray().ShouldBeEmpty();

        // Nothing paid, nothing expected in 2034.
        RowOf(await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2034").OkAsync(), deal).ShouldBeNull();
    }

    [Fact]
    public async Task Expected_amounts_and_overdue_months_come_from_the_contract_schedules()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2025-01-01", end_date = "2025-06-30", billing_cycle = "Monthly", price_per_cycle = 500 });
        await PayContractAsync(deal, contract, 500, "2025-01-01");
        await PayContractAsync(deal, contract, 200, "2025-02-01");
        await PayContractAsync(deal, contract, "500.00", "2025-03-01");

        var report = await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2025").OkAsync();
        var row = RowOf(report, deal)!;
        row["months"]!.AsObject().Select(m => $"{m.Key}={m.Value}").ShouldBe(["1=500.00", "2=200.00", "3=500.00"]);
        row["expected"]!.AsObject().Select(m => $"{m.Key}={m.Value}").ShouldBe(["1=500.00", "2=500.00", "3=500.00", "4=500.00", "5=500.00", "6=500.00"]);
        row["overdue"]!.AsArray().Select(m => m!.GetValue<int>()).ShouldBe([2, 4, 5, 6]);
        row.Str("total").ShouldBe("1200.00");

        // The totals are over every row of the report.
        var rows = report["rows"]!.AsArray();
        report.Str("total").ShouldBe(rows.Sum(r => decimal.Parse(r!.Str("total"), System.Globalization.CultureInfo.InvariantCulture)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (month, amount) in report["month_totals"]!.AsObject())
        {
            amount!.GetValue<string>().ShouldBe(rows.Sum(r => r!["months"]![month] is { } v ? decimal.Parse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : 0m)
                .ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }

        report["month_totals"]!["1"].ShouldNotBeNull();

        // The same paid amounts as CSV: Account, Jan..Dec, Total, then a Total line.
        var csv = await deal.Client.GetAsync("/api/v1/reports/retainer-payments.csv?year=2025");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Account,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Total");
        lines.ShouldContain($"{deal.Account.Str("name")},500.00,200.00,500.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1200.00");
        lines[^1].ShouldStartWith("Total,");
        lines[^1].ShouldEndWith($",{report.Str("total")}");
        (await deal.Client.GetAsync("/api/v1/reports/retainer-payments.csv?year=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_quarterly_contract_reads_the_same_in_the_report_as_on_its_own_page()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2025-01-15", end_date = "2025-12-31", billing_cycle = "Quarterly", price_per_cycle = 3000 });
        // Paid in February for the quarter that began on 15 January: that quarter is paid, not overdue.
        await PayContractAsync(deal, contract, 3000, "2025-02-01");

        var row = RowOf(await deal.Client.GetAsync("/api/v1/reports/retainer-payments?year=2025").OkAsync(), deal)!;
        row["months"]!.AsObject().Select(m => $"{m.Key}={m.Value}").ShouldBe(["2=3000.00"]);
        row["expected"]!.AsObject().Select(m => $"{m.Key}={m.Value}").ShouldBe(["1=3000.00", "4=3000.00", "7=3000.00", "10=3000.00"]);

        var schedule = (await deal.Client.GetAsync($"/api/v1/contracts/{contract.Str("id")}").OkAsync())["schedule"]!.AsArray();
        schedule.Select(p => $"{p!.Str("period_start")} {p!.Str("status")}").ShouldBe(
            ["2025-01-15 Paid", "2025-04-15 Overdue", "2025-07-15 Overdue", "2025-10-15 Overdue"]);
        var overdueOnPage = schedule.Where(p => p!.Str("status") == "Overdue").Select(p => DateOnly.Parse(p!.Str("period_start"), System.Globalization.CultureInfo.InvariantCulture).Month);
        row["overdue"]!.AsArray().Select(m => m!.GetValue<int>()).ShouldBe(overdueOnPage);
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
