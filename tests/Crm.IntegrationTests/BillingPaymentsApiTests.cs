using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class BillingPaymentsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private async Task<(HttpClient Client, JsonNode Order, BillingDeal Deal)> OrderAsync()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        return (deal.Client, await deal.GenerateOrderAsync(), deal);
    }

    private static Task<JsonNode> PayAsync(HttpClient client, JsonNode order, object amount, string status = "Completed", string method = "Bank Transfer") =>
        client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount, payment_date = "2026-03-01", payment_method = method, status }).CreatedAsync();

    private static Task<JsonNode> ReadAsync(HttpClient client, JsonNode order) => client.GetAsync($"/api/v1/orders/{order.Str("id")}").OkAsync();

    [Fact]
    public async Task The_order_status_follows_the_completed_payments()
    {
        var (client, order, _) = await OrderAsync();

        var first = await client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new
        {
            amount = "4000.00",
            payment_date = "2026-03-01",
            payment_method = "Stripe",
            transaction_id = "ch_123",
            notes = "Deposit",
        }).CreatedAsync();
        first.Str("status").ShouldBe("Completed");
        first.Str("amount").ShouldBe("4000.00");
        first.Str("payment_method").ShouldBe("Stripe");
        first.Str("payment_date").ShouldBe("2026-03-01");
        first.Str("transaction_id").ShouldBe("ch_123");
        first.Str("order_number").ShouldBe(order.Str("order_number"));
        first.Int("version").ShouldBe(1);
        first["order"]!.Str("status").ShouldBe("Partially Paid");
        first["order"]!.Str("balance_due").ShouldBe("5400.00");

        var partial = await ReadAsync(client, order);
        partial.Str("status").ShouldBe("Partially Paid");
        partial.Str("total_paid").ShouldBe("4000.00");
        partial.Str("balance_due").ShouldBe("5400.00");
        partial.Int("version").ShouldBe(2);

        // Pending and Failed payments don't count.
        await PayAsync(client, order, 5400, status: "Pending", method: "PayPal");
        await PayAsync(client, order, 5400, status: "Failed", method: "Cash");
        (await ReadAsync(client, order)).Str("status").ShouldBe("Partially Paid");

        var rest = await PayAsync(client, order, 5400);
        rest["order"]!.Str("status").ShouldBe("Paid in Full");
        var full = await ReadAsync(client, order);
        full.Str("status").ShouldBe("Paid in Full");
        full.Str("total_paid").ShouldBe("9400.00");
        full.Str("balance_due").ShouldBe("0.00");
        full["payments"]!.AsArray().Count.ShouldBe(4);

        // Voiding brings it back; the payment stays on record as Void.
        var voided = await client.PutJsonAsync($"/api/v1/payments/{rest.Str("id")}", new { status = "Void", version = 1 }).OkAsync();
        voided.Str("status").ShouldBe("Void");
        voided.Int("version").ShouldBe(2);
        voided["order"]!.Str("status").ShouldBe("Partially Paid");
        var back = await ReadAsync(client, order);
        back.Str("status").ShouldBe("Partially Paid");
        back.Str("total_paid").ShouldBe("4000.00");
        back["payments"]!.AsArray().Count(p => p!.Str("status") == "Void").ShouldBe(1);

        // A void payment is final.
        var revive = await client.PutJsonAsync($"/api/v1/payments/{rest.Str("id")}", new { status = "Completed", version = 2 });
        revive.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The pending one clears: paid in full again. Voiding everything: awaiting payment.
        var pending = back["payments"]!.AsArray().Single(p => p!.Str("status") == "Pending")!;
        (await client.PutJsonAsync($"/api/v1/payments/{pending.Str("id")}", new { status = "Completed", version = 1 }).OkAsync())["order"]!.Str("status").ShouldBe("Paid in Full");
        await client.PutJsonAsync($"/api/v1/payments/{pending.Str("id")}", new { status = "Void", version = 2 }).OkAsync();
        await client.PutJsonAsync($"/api/v1/payments/{first.Str("id")}", new { status = "Void", version = 1 }).OkAsync();
        var none = await ReadAsync(client, order);
        none.Str("status").ShouldBe("Awaiting Payment");
        none.Str("total_paid").ShouldBe("0.00");
        none.Str("balance_due").ShouldBe("9400.00");
    }

    [Fact]
    public async Task Edits_recompute_the_status_and_overpayment_is_refused()
    {
        var (client, order, _) = await OrderAsync();
        var payment = await PayAsync(client, order, 9400);
        payment["order"]!.Str("status").ShouldBe("Paid in Full");

        var over = await client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 0.01, payment_date = "2026-03-02", payment_method = "Cash" });
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await over.ReadJsonAsync()).ErrorsFor("amount").ShouldBe(["Amount is more than the balance due (0.00)."]);
        // A pending payment may be recorded; it would be refused when it completes.
        var pending = await PayAsync(client, order, 100, status: "Pending");
        var completing = await client.PutJsonAsync($"/api/v1/payments/{pending.Str("id")}", new { status = "Completed", version = 1 });
        completing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await completing.ReadJsonAsync()).ErrorsFor("amount").ShouldNotBeEmpty();

        var lowered = await client.PutJsonAsync($"/api/v1/payments/{payment.Str("id")}", new { amount = "9000.00", notes = "Discount agreed", transaction_id = "TX-9", version = 1 }).OkAsync();
        lowered.Str("amount").ShouldBe("9000.00");
        lowered.Str("notes").ShouldBe("Discount agreed");
        lowered.Str("transaction_id").ShouldBe("TX-9");
        lowered["order"]!.Str("status").ShouldBe("Partially Paid");
        lowered["order"]!.Str("balance_due").ShouldBe("400.00");
        var tooMuch = await client.PutJsonAsync($"/api/v1/payments/{payment.Str("id")}", new { amount = 9400.01, version = 2 });
        (await tooMuch.ReadJsonAsync()).ErrorsFor("amount").ShouldBe(["Amount is more than the balance due (9400.00)."]);

        var stale = await client.PutJsonAsync($"/api/v1/payments/{payment.Str("id")}", new { notes = "Old", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync())["current"]!.Str("notes").ShouldBe("Discount agreed");
        (await (await client.PutJsonAsync($"/api/v1/payments/{payment.Str("id")}", new { notes = "x" })).ReadJsonAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);
        (await client.PutJsonAsync($"/api/v1/payments/{Guid.NewGuid()}", new { notes = "x", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An order read before a payment moved its status is stale.
        var staleOrder = await client.PutJsonAsync($"/api/v1/orders/{order.Str("id")}", new { status = "Fulfilled", version = 1 });
        staleOrder.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staleOrder.ReadJsonAsync())["current"]!.Str("status").ShouldBe("Partially Paid");
    }

    [Fact]
    public async Task Fulfilled_is_not_overwritten_and_Cancelled_takes_no_payments()
    {
        var (client, order, _) = await OrderAsync();
        var fulfilled = await client.PutJsonAsync($"/api/v1/orders/{order.Str("id")}", new { status = "Fulfilled", version = 1 }).OkAsync();
        var paid = await PayAsync(client, order, 9400);
        paid["order"]!.Str("status").ShouldBe("Fulfilled");
        var read = await ReadAsync(client, order);
        read.Str("status").ShouldBe("Fulfilled");
        read.Int("version").ShouldBe(fulfilled.Int("version"));
        read.Str("balance_due").ShouldBe("0.00");
        (await client.PutJsonAsync($"/api/v1/payments/{paid.Str("id")}", new { status = "Void", version = 1 }).OkAsync())["order"]!.Str("status").ShouldBe("Fulfilled");

        var (client2, other, _) = await OrderAsync();
        var kept = await PayAsync(client2, other, 1000);
        var cancelled = await client2.PutJsonAsync($"/api/v1/orders/{other.Str("id")}", new { status = "Cancelled", version = 2 }).OkAsync();
        cancelled.Str("status").ShouldBe("Cancelled");
        var refused = await client2.PostJsonAsync($"/api/v1/orders/{other.Str("id")}/payments", new { amount = 10, payment_date = "2026-03-01", payment_method = "Cash" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ReadJsonAsync()).Str("detail").ShouldBe("The order is Cancelled; it takes no payments.");
        (await client2.PutJsonAsync($"/api/v1/payments/{kept.Str("id")}", new { amount = 500, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A payment of a cancelled order can still be voided (a refund); the order stays Cancelled.
        var voided = await client2.PutJsonAsync($"/api/v1/payments/{kept.Str("id")}", new { status = "Void", version = 1 }).OkAsync();
        voided["order"]!.Str("status").ShouldBe("Cancelled");
        (await client2.PostJsonAsync($"/api/v1/orders/{Guid.NewGuid()}/payments", new { amount = 10, payment_date = "2026-03-01", payment_method = "Cash" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_payments_are_refused_field_by_field()
    {
        var (client, order, _) = await OrderAsync();
        var url = $"/api/v1/orders/{order.Str("id")}/payments";

        var empty = await (await client.PostJsonAsync(url, new { })).ReadJsonAsync();
        empty.ErrorsFor("amount").ShouldBe(["Amount is required."]);
        empty.ErrorsFor("payment_date").ShouldBe(["Payment Date is required."]);
        empty.ErrorsFor("payment_method").ShouldBe(["Payment Method is required."]);

        var bad = await (await client.PostJsonAsync(url, new
        {
            amount = 0,
            payment_date = "2026-03-01",
            payment_method = "Cash",
            status = "Void",
            transaction_id = new string('x', 256),
            service_period_start = "2026-03-31",
            service_period_end = "2026-03-01",
        })).ReadJsonAsync();
        bad.ErrorsFor("amount").ShouldBe(["Amount must be greater than 0."]);
        bad.ErrorsFor("status").ShouldBe(["A new payment is Completed, Pending or Failed."]);
        bad.ErrorsFor("transaction_id").ShouldBe(["Transaction ID must be at most 255 characters."]);
        bad.ErrorsFor("service_period_end").ShouldBe(["Service Period End can't be before Service Period Start."]);

        (await (await client.PostJsonAsync(url, new { amount = 1.234, payment_date = "2026-03-01", payment_method = "Cash" })).ReadJsonAsync())
            .ErrorsFor("amount").ShouldBe(["Amount can have at most 2 decimal places."]);
        (await (await client.PostJsonAsync(url, new { amount = 10, payment_date = "2026-03-01", payment_method = "Cheque" })).ReadJsonAsync())
            .ErrorsFor("payment_method").ShouldNotBeEmpty();
        (await (await client.PostJsonAsync(url, new { amount = 10, payment_date = "March", payment_method = "Cash" })).ReadJsonAsync())
            .ErrorsFor("payment_date").ShouldNotBeEmpty();
        (await (await client.PostJsonAsync(url, new { amount = 10, payment_date = "2026-03-01", payment_method = "Cash", service_period_end = "2026-03-31" })).ReadJsonAsync())
            .ErrorsFor("service_period_start").ShouldBe(["Service Period Start is required with a Service Period End."]);

        var retainer = await client.PostJsonAsync(url, new { amount = 450, payment_date = "2026-03-05", payment_method = "Bank Transfer", service_period_start = "2026-03-01", service_period_end = "2026-03-31" }).CreatedAsync();
        retainer.Str("service_period_start").ShouldBe("2026-03-01");
        retainer.Str("service_period_end").ShouldBe("2026-03-31");
        var moved = await client.PutJsonAsync($"/api/v1/payments/{retainer.Str("id")}", new { service_period_end = "2026-02-01", version = 1 });
        (await moved.ReadJsonAsync()).ErrorsFor("service_period_end").ShouldBe(["Service Period End can't be before Service Period Start."]);
        (await (await client.PutJsonAsync($"/api/v1/payments/{retainer.Str("id")}", new { amount = (decimal?)null, version = 1 })).ReadJsonAsync())
            .ErrorsFor("amount").ShouldBe(["Amount is required."]);

        (await ReadAsync(client, order))["payments"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failure_after_saving_the_payment_leaves_nothing_behind()
    {
        var (client, order, _) = await OrderAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{order.Str("id")}/payments")
        {
            Content = new StringContent("{\"amount\":100,\"payment_date\":\"2026-03-01\",\"payment_method\":\"Cash\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test-Fail-At", "payment");
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        var read = await ReadAsync(client, order);
        read["payments"]!.AsArray().ShouldBeEmpty();
        read.Str("status").ShouldBe("Awaiting Payment");
        (await BillingDeals.CountAsync(fixture, "SELECT count(*) FROM payments WHERE order_id = @id", Guid.Parse(order.Str("id")))).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_payments_are_serialized_on_the_order()
    {
        var (client, order, _) = await OrderAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = 2000, payment_date = "2026-03-01", payment_method = "Cash" })));

        // 9400 takes four payments of 2000; the fifth and sixth would overpay.
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(2);
        var read = await ReadAsync(client, order);
        read.Str("total_paid").ShouldBe("8000.00");
        read.Str("status").ShouldBe("Partially Paid");
    }

    [Fact]
    public async Task Ten_completed_payments_logged_at_once_all_count()
    {
        var (client, order, _) = await OrderAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostJsonAsync($"/api/v1/orders/{order.Str("id")}/payments", new { amount = "940.00", payment_date = "2026-03-01", payment_method = "Stripe" })));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var read = await ReadAsync(client, order);
        read["payments"]!.AsArray().Count.ShouldBe(10);
        read.Str("total_paid").ShouldBe("9400.00");
        read.Str("balance_due").ShouldBe("0.00");
        read.Str("status").ShouldBe("Paid in Full");
    }

    [Fact]
    public async Task The_payment_list_carries_the_order_and_account_and_filters()
    {
        var (client, order, deal) = await OrderAsync();
        var stripe = await PayAsync(client, order, 100, method: "Stripe");
        await PayAsync(client, order, 200, status: "Pending", method: "PayPal");

        var rows = await client.GetAsync($"/api/v1/payments?order_id={order.Str("id")}&sort=amount").OkAsync();
        rows.Int("total").ShouldBe(2);
        var row = rows["items"]![0]!;
        row.Str("id").ShouldBe(stripe.Str("id"));
        row.Str("order_number").ShouldBe(order.Str("order_number"));
        row.Str("account_name").ShouldBe(deal.Account.Str("name"));
        row.Str("order_id").ShouldBe(order.Str("id"));
        row.Str("amount").ShouldBe("100.00");

        (await client.GetAsync($"/api/v1/payments?order_id={order.Str("id")}&status=Pending").OkAsync())["items"]!.AsArray().Single()!.Str("payment_method").ShouldBe("PayPal");
        (await client.GetAsync($"/api/v1/payments?account_id={deal.Account.Str("id")}&payment_method=Stripe").OkAsync()).Int("total").ShouldBe(1);
        (await client.GetAsync($"/api/v1/payments?q={order.Str("order_number")}").OkAsync()).Int("total").ShouldBe(2);
        (await (await client.GetAsync("/api/v1/payments?status=Refunded")).ReadJsonAsync()).ErrorsFor("status")
            .ShouldBe(["Status must be one of: Completed, Pending, Failed, Void."]);
        (await (await client.GetAsync("/api/v1/payments?payment_method=Cheque")).ReadJsonAsync()).ErrorsFor("payment_method").ShouldNotBeEmpty();
        (await (await client.GetAsync("/api/v1/payments?sort=colour")).ReadJsonAsync()).ErrorsFor("sort").ShouldNotBeEmpty();

        var single = await client.GetAsync($"/api/v1/payments/{stripe.Str("id")}").OkAsync();
        single.Str("account_name").ShouldBe(deal.Account.Str("name"));
        single["order"]!.Str("total_paid").ShouldBe("100.00");
        (await client.GetAsync($"/api/v1/payments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
