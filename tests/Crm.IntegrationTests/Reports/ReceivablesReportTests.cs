using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Reports;

public sealed class ReceivablesReportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Balances_due_are_aged_into_every_bucket_and_void_or_pending_payments_are_not_paid()
    {
        var seller = await ReportSeller.CreateAsync(fixture);
        var asOf = new DateOnly(2150, 6, 30);

        // One won deal and its order per amount, each order then dated `age` days before as_of.
        async Task<JsonNode> OrderAsync(decimal amount, int age)
        {
            var deal = await seller.DealAsync("Closed Won", null, amount);
            var order = await BillingDeals.GenerateOrderAsync(seller.Client, deal.Str("id"));
            await fixture.ExecuteAsync("billingdb", "UPDATE orders SET order_date = @date WHERE id = @id", new { id = Guid.Parse(order.Str("id")), date = asOf.AddDays(-age) });
            return order;
        }

        Task<JsonNode> PayAsync(JsonNode order, decimal amount, string status = "Completed") =>
            seller.Client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount, payment_date = "2026-03-01", payment_method = "Bank Transfer", status }).CreatedAsync();

        var today = await OrderAsync(1000m, 0);
        await PayAsync(today, 400m);
        var month = await OrderAsync(2000m, 30);
        var voided = await PayAsync(month, 2000m);
        await seller.Client.PutJsonAsync($"/api/v1/payments/{voided.Str("id")}", new { status = "Void", version = voided.Int("version") }).OkAsync();
        var pending = await OrderAsync(3000m, 31);
        await PayAsync(pending, 500m, "Pending");
        var paid = await OrderAsync(4000m, 75);
        await PayAsync(paid, 4000m);
        var old = await OrderAsync(5000m, 91);
        var later = await OrderAsync(6000m, -1);

        var report = await seller.Client.GetAsync($"/api/v1/reports/receivables?as_of={Day(asOf)}&account_id={seller.AccountId}").OkAsync();
        report.Str("as_of").ShouldBe("2150-06-30");
        report["buckets"]!.AsArray().Select(b => $"{b!.Str("bucket")} {b!.Int("count")} {b!.Str("amount")}")
            .ShouldBe(["0-30 2 2600.00", "31-60 1 3000.00", "61-90 0 0.00", "90+ 1 5000.00"]);
        report.Str("total_due").ShouldBe("10600.00");
        report["orders"]!.AsArray().Select(o => $"{o!.Str("order_number")} {o!.Str("order_date")} {o!.Str("total")} {o!.Str("total_paid")} {o!.Str("balance_due")} {o!.Int("age_days")} {o!.Str("bucket")}")
            .ShouldBe([
                $"{old.Str("order_number")} 2150-03-31 5000.00 0.00 5000.00 91 90+",
                $"{pending.Str("order_number")} 2150-05-30 3000.00 0.00 3000.00 31 31-60",
                $"{month.Str("order_number")} 2150-05-31 2000.00 0.00 2000.00 30 0-30",
                $"{today.Str("order_number")} 2150-06-30 1000.00 400.00 600.00 0 0-30",
            ]);
        var first = report["orders"]![0]!;
        first.Str("order_id").ShouldBe(old.Str("id"));
        first.Str("account_id").ShouldBe(seller.AccountId);
        first.Str("account_name").ShouldBe(seller.Account.Str("name"));

        // "Mine" are the orders of the accounts the user owns (the account directory reaches Billing by event);
        // someone else's "mine" leaves them out.
        var mine = await Eventually.WaitForAsync(
            () => seller.Client.GetAsync($"/api/v1/reports/receivables?as_of={Day(asOf)}&owner_id=me").OkAsync(),
            r => r.Str("total_due") == "10600.00",
            TimeSpan.FromSeconds(15),
            "the seller's receivables by owner");
        mine["orders"]!.AsArray().Select(o => o!.Str("order_number")).ShouldBe(report["orders"]!.AsArray().Select(o => o!.Str("order_number")));
        var other = await ReportSeller.CreateAsync(fixture);
        var theirs = await other.Client.GetAsync($"/api/v1/reports/receivables?as_of={Day(asOf)}&owner_id=me").OkAsync();
        theirs["orders"]!.AsArray().Select(o => o!.Str("account_id")).ShouldNotContain(seller.AccountId);
        var byId = await other.Client.GetAsync($"/api/v1/reports/receivables?as_of={Day(asOf)}&owner_id={seller.User.Id}").OkAsync();
        byId.Str("total_due").ShouldBe("10600.00");

        // Before any order was placed nothing is due, and every bucket is still listed.
        var empty = await seller.Client.GetAsync($"/api/v1/reports/receivables?as_of=2150-01-01&account_id={seller.AccountId}").OkAsync();
        empty["buckets"]!.AsArray().Select(b => $"{b!.Str("bucket")} {b!.Int("count")} {b!.Str("amount")}")
            .ShouldBe(["0-30 0 0.00", "31-60 0 0.00", "61-90 0 0.00", "90+ 0 0.00"]);
        empty["orders"]!.AsArray().ShouldBeEmpty();
        empty.Str("total_due").ShouldBe("0.00");

        // The bar's list: that bucket's orders, and the orders with a balance due, by the same rule.
        async Task<string[]> NumbersAsync(string filter) =>
            (await seller.Client.GetAsync($"/api/v1/orders?account_id={seller.AccountId}&as_of={Day(asOf)}&sort=order_number&{filter}").OkAsync())["items"]!.AsArray()
                .Select(o => o!.Str("order_number")).ToArray();
        (await NumbersAsync("aging=0-30")).ShouldBe([today.Str("order_number"), month.Str("order_number")]);
        (await NumbersAsync("aging=61-90")).ShouldBeEmpty();
        (await NumbersAsync("aging=90%2B")).ShouldBe([old.Str("order_number")]);
        (await NumbersAsync("balance_due=true")).ShouldBe(new[] { today, month, pending, old }.Select(o => o.Str("order_number")));
        (await NumbersAsync("balance_due=false")).ShouldBe([paid.Str("order_number"), later.Str("order_number")]);
        var row = (await seller.Client.GetAsync($"/api/v1/orders?account_id={seller.AccountId}&as_of={Day(asOf)}&aging=31-60").OkAsync())["items"]![0]!;
        row.Str("balance_due").ShouldBe("3000.00");

        var csv = await seller.Client.GetStringAsync($"/api/v1/orders/export.csv?account_id={seller.AccountId}&as_of={Day(asOf)}&aging=31-60");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ShouldBe([pending.Str("order_number")]);
    }

    [Fact]
    public async Task As_of_defaults_to_today_and_bad_filters_are_refused_per_field()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var report = await client.GetAsync($"/api/v1/reports/receivables?account_id={Guid.NewGuid()}").OkAsync();
        report.Str("as_of").ShouldBe(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        report["buckets"]!.AsArray().Count.ShouldBe(4);
        (await client.GetAsync("/api/v1/reports/receivables?as_of=2026-02-30").ProblemAsync()).ErrorsFor("as_of").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/reports/receivables?owner_id=someone").ProblemAsync()).ErrorsFor("owner_id").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/orders?aging=45").ProblemAsync()).ErrorsFor("aging").ShouldNotBeEmpty();
        (await client.GetAsync("/api/v1/orders/export.csv?as_of=9999-12-31").ProblemAsync()).ErrorsFor("as_of").ShouldNotBeEmpty();
    }
}
