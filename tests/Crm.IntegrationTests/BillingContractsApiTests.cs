using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class BillingContractsApiTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_won_retainer_deal_generates_one_contract_priced_from_its_retainer_lines()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2099-12-31", billing_cycle = "Monthly" });

        contract.Str("contract_number").ShouldMatch("^CTR-[0-9]{6}$");
        contract.Str("account_id").ShouldBe(deal.Account.Str("id"));
        contract.Str("account_name").ShouldBe(deal.Account.Str("name"));
        contract.Str("opportunity_id").ShouldBe(deal.Opportunity.Str("id"));
        contract.Str("start_date").ShouldBe("2026-01-01");
        contract.Str("end_date").ShouldBe("2099-12-31");
        contract.Str("billing_cycle").ShouldBe("Monthly");
        // 12 × 450.00: the retainer line only, not the build.
        contract.Str("price_per_cycle").ShouldBe("5400.00");
        contract.Str("status").ShouldBe("Active");
        contract.Str("total_paid").ShouldBe("0.00");
        contract.Int("version").ShouldBe(1);
        contract["payments"]!.AsArray().ShouldBeEmpty();

        // One contract per opportunity: a second call names the one that exists.
        var again = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Annually" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await again.ReadJsonAsync();
        problem.Str("contract_id").ShouldBe(contract.Str("id"));
        problem.Str("detail").ShouldContain(contract.Str("contract_number"));

        var read = await deal.Client.GetAsync($"/api/v1/contracts/{contract.Str("id")}").OkAsync();
        read.Str("contract_number").ShouldBe(contract.Str("contract_number"));
        read.Str("price_per_cycle").ShouldBe("5400.00");
        (await deal.Client.GetAsync($"/api/v1/contracts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deal.Client.PostJsonAsync($"/api/v1/opportunities/{Guid.NewGuid()}/generate-contract", new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Monthly" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Generate_contract_checks_its_fields_and_takes_a_given_price()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        await BillingDeals.WaitForWonDealAsync(fixture, deal.Opportunity.Str("id"), deal.Version);

        var empty = await deal.Client.PostJsonAsync(ContractUrl(deal), new { });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await empty.ReadJsonAsync();
        errors.ErrorsFor("start_date").ShouldBe(["Start Date is required."]);
        errors.ErrorsFor("end_date").ShouldBe(["End Date is required."]);
        errors.ErrorsFor("billing_cycle").ShouldNotBeEmpty();

        var backwards = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-06-01", end_date = "2026-06-01", billing_cycle = "Monthly" });
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.ReadJsonAsync()).ErrorsFor("end_date").ShouldBe(["End Date must be after Start Date."]);

        var weekly = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Weekly" });
        weekly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekly.ReadJsonAsync()).ErrorsFor("billing_cycle").ShouldNotBeEmpty();

        var free = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Monthly", price_per_cycle = 0 });
        free.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await free.ReadJsonAsync()).ErrorsFor("price_per_cycle").ShouldBe(["Price per Cycle must be greater than 0."]);

        var contract = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Quarterly", price_per_cycle = "1350.00" }).CreatedAsync();
        contract.Str("billing_cycle").ShouldBe("Quarterly");
        contract.Str("price_per_cycle").ShouldBe("1350.00");
    }

    [Fact]
    public async Task A_deal_without_a_retainer_product_gets_no_contract()
    {
        var deal = await BillingContractDeals.WonWithoutRetainerAsync(fixture);
        await BillingDeals.WaitForWonDealAsync(fixture, deal.Opportunity.Str("id"), deal.Version);

        var refused = await deal.Client.PostJsonAsync(ContractUrl(deal), new { start_date = "2026-01-01", end_date = "2026-12-31", billing_cycle = "Monthly" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ReadJsonAsync()).Str("detail").ShouldContain("no retainer product");
    }

    [Fact]
    public async Task Contracts_list_with_filters_and_expire_after_their_end_date()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var past = await deal.GenerateContractAsync(new { start_date = "2024-01-01", end_date = "2024-12-31", billing_cycle = "Annually" });
        past.Str("status").ShouldBe("Expired");

        var other = await BillingDeals.WonAsync(fixture);
        var current = await other.GenerateContractAsync(new { start_date = "2025-01-01", end_date = "2099-12-31", billing_cycle = "Monthly" });

        var mine = await deal.Client.GetAsync($"/api/v1/contracts?account_id={deal.Account.Str("id")}").OkAsync();
        var rows = mine["items"]!.AsArray();
        rows.Count.ShouldBe(1);
        rows[0]!.Str("contract_number").ShouldBe(past.Str("contract_number"));
        rows[0]!.Str("account_name").ShouldBe(deal.Account.Str("name"));
        rows[0]!.Str("status").ShouldBe("Expired");
        rows[0]!.Str("price_per_cycle").ShouldBe("5400.00");

        (await deal.Client.GetAsync($"/api/v1/contracts?account_id={deal.Account.Str("id")}&status=Active").OkAsync())["items"]!.AsArray().ShouldBeEmpty();
        (await deal.Client.GetAsync($"/api/v1/contracts?account_id={deal.Account.Str("id")}&status=Expired").OkAsync())["items"]!.AsArray().Count.ShouldBe(1);
        var active = await deal.Client.GetAsync("/api/v1/contracts?status=Active&sort=-contract_number&page_size=100").OkAsync();
        active["items"]!.AsArray().Select(r => r!.Str("id")).ShouldContain(current.Str("id"));
        active["items"]!.AsArray().Select(r => r!.Str("id")).ShouldNotContain(past.Str("id"));

        (await deal.Client.GetAsync("/api/v1/contracts?status=Gone")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await deal.Client.GetAsync("/api/v1/contracts?sort=colour")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task People_move_the_end_date_terminate_and_keep_notes_with_the_version()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2099-12-31", billing_cycle = "Monthly" });
        var url = $"/api/v1/contracts/{contract.Str("id")}";

        (await (await deal.Client.PutJsonAsync(url, new { notes = "x" })).ReadJsonAsync()).ErrorsFor("version").ShouldBe(["Version is required."]);
        var active = await deal.Client.PutJsonAsync(url, new { status = "Active", version = 1 });
        active.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var early = await deal.Client.PutJsonAsync(url, new { end_date = "2025-12-31", version = 1 });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ReadJsonAsync()).ErrorsFor("end_date").ShouldBe(["End Date must be after Start Date."]);

        var moved = await deal.Client.PutJsonAsync(url, new { end_date = "2030-06-30", notes = "Extended", version = 1 }).OkAsync();
        moved.Str("end_date").ShouldBe("2030-06-30");
        moved.Str("notes").ShouldBe("Extended");
        moved.Int("version").ShouldBe(2);

        var stale = await deal.Client.PutJsonAsync(url, new { status = "Terminated", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Contracts are Active, Expired or Terminated: Cancelled is an order status only.
        var cancel = await deal.Client.PutJsonAsync(url, new { status = "Cancelled", version = 2 });
        cancel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var terminated = await deal.Client.PutJsonAsync(url, new { status = "Terminated", version = 2 }).OkAsync();
        terminated.Str("status").ShouldBe("Terminated");
        terminated.Str("terminated_on").ShouldBe(Today);
        terminated.Int("version").ShouldBe(3);

        // A terminated contract only takes notes; its schedule stops on the day it was terminated.
        (await deal.Client.PutJsonAsync(url, new { end_date = "2031-01-01", version = 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var noted = await deal.Client.PutJsonAsync(url, new { notes = "Client left", version = 3 }).OkAsync();
        noted.Str("notes").ShouldBe("Client left");
        noted.Str("terminated_on").ShouldBe(Today);
        noted["schedule"]!.AsArray().Last()!.Str("period_start").CompareTo(Today).ShouldBeLessThanOrEqualTo(0);
        (await deal.Client.GetAsync($"/api/v1/contracts?account_id={deal.Account.Str("id")}&status=Terminated").OkAsync())["items"]!.AsArray().Single()!.Str("status").ShouldBe("Terminated");
        (await deal.Client.GetAsync($"/api/v1/contracts?account_id={deal.Account.Str("id")}&status=Cancelled")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Contract_payments_cover_a_service_period_and_are_listed_with_the_others()
    {
        var deal = await BillingDeals.WonAsync(fixture);
        var contract = await deal.GenerateContractAsync(new { start_date = "2026-01-01", end_date = "2099-12-31", billing_cycle = "Monthly", price_per_cycle = 500 });
        var url = $"/api/v1/contracts/{contract.Str("id")}/payments";

        var missing = await deal.Client.PostJsonAsync(url, new { amount = 500, payment_date = "2026-01-05", payment_method = "Stripe" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await missing.ReadJsonAsync();
        errors.ErrorsFor("service_period_start").ShouldBe(["Service Period Start is required for a contract payment."]);
        errors.ErrorsFor("service_period_end").ShouldBe(["Service Period End is required for a contract payment."]);

        var paid = await deal.Client.PostJsonAsync(url, new
        {
            amount = "500.00",
            payment_date = "2026-01-05",
            payment_method = "Bank Transfer",
            transaction_id = "tx-1",
            service_period_start = "2026-01-01",
            service_period_end = "2026-01-31",
        }).CreatedAsync();
        paid.Str("status").ShouldBe("Completed");
        paid.Str("contract_id").ShouldBe(contract.Str("id"));
        paid.Str("contract_number").ShouldBe(contract.Str("contract_number"));
        paid["order_id"].ShouldBeNull();
        paid["order"].ShouldBeNull();
        paid.Str("account_name").ShouldBe(deal.Account.Str("name"));
        paid["contract"]!.Str("total_paid").ShouldBe("500.00");
        await deal.Client.PostJsonAsync(url, new { amount = 500, payment_date = "2026-02-05", payment_method = "Cash", status = "Pending", service_period_start = "2026-02-01", service_period_end = "2026-02-28" }).CreatedAsync();

        var read = await deal.Client.GetAsync($"/api/v1/contracts/{contract.Str("id")}").OkAsync();
        read.Str("total_paid").ShouldBe("500.00");
        read["payments"]!.AsArray().Count.ShouldBe(2);

        var listed = await deal.Client.GetAsync($"/api/v1/payments?account_id={deal.Account.Str("id")}").OkAsync();
        var row = listed["items"]!.AsArray().Single(r => r!.Str("id") == paid.Str("id"))!;
        row.Str("contract_number").ShouldBe(contract.Str("contract_number"));
        row.Str("account_name").ShouldBe(deal.Account.Str("name"));
        (await deal.Client.GetAsync($"/api/v1/payments?contract_id={contract.Str("id")}").OkAsync())["items"]!.AsArray().Count.ShouldBe(2);
        (await deal.Client.GetAsync($"/api/v1/payments/{paid.Str("id")}").OkAsync()).Str("contract_id").ShouldBe(contract.Str("id"));

        // Voided like any payment; the service period can't be dropped.
        var payment = $"/api/v1/payments/{paid.Str("id")}";
        (await deal.Client.PutJsonAsync(payment, new { service_period_end = (string?)null, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var voided = await deal.Client.PutJsonAsync(payment, new { status = "Void", version = 1 }).OkAsync();
        voided.Str("status").ShouldBe("Void");
        voided["contract"]!.Str("total_paid").ShouldBe("0.00");

        // A terminated contract takes no payments.
        await deal.Client.PutJsonAsync($"/api/v1/contracts/{contract.Str("id")}", new { status = "Terminated", version = 1 }).OkAsync();
        var refused = await deal.Client.PostJsonAsync(url, new { amount = 500, payment_date = "2026-03-05", payment_method = "Stripe", service_period_start = "2026-03-01", service_period_end = "2026-03-31" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ReadJsonAsync()).Str("detail").ShouldBe("The contract is Terminated; it takes no payments.");
        (await deal.Client.PostJsonAsync($"/api/v1/contracts/{Guid.NewGuid()}/payments", new { amount = 500, payment_date = "2026-03-05", payment_method = "Stripe", service_period_start = "2026-03-01", service_period_end = "2026-03-31" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_schedule_expects_one_payment_per_cycle_and_says_where_each_period_stands()
    {
        // In the past: Jan paid, Feb partly, Mar nothing, and a short last period cut at the end date.
        var deal = await BillingDeals.WonAsync(fixture);
        var past = await deal.GenerateContractAsync(new { start_date = "2025-01-01", end_date = "2025-04-15", billing_cycle = "Monthly", price_per_cycle = 500 });
        var url = $"/api/v1/contracts/{past.Str("id")}/payments";
        past["schedule"]!.AsArray().Count.ShouldBe(4);
        await deal.Client.PostJsonAsync(url, new { amount = 300, payment_date = "2025-01-05", payment_method = "Cash", service_period_start = "2025-01-01", service_period_end = "2025-01-31" }).CreatedAsync();
        await deal.Client.PostJsonAsync(url, new { amount = 200, payment_date = "2025-01-20", payment_method = "Cash", service_period_start = "2025-01-15", service_period_end = "2025-01-31" }).CreatedAsync();
        await deal.Client.PostJsonAsync(url, new { amount = 200, payment_date = "2025-02-05", payment_method = "Cash", service_period_start = "2025-02-01", service_period_end = "2025-02-28" }).CreatedAsync();
        await deal.Client.PostJsonAsync(url, new { amount = 500, payment_date = "2025-03-05", payment_method = "Cash", status = "Pending", service_period_start = "2025-03-01", service_period_end = "2025-03-31" }).CreatedAsync();

        var schedule = (await deal.Client.GetAsync($"/api/v1/contracts/{past.Str("id")}").OkAsync())["schedule"]!.AsArray();
        schedule.Select(p => $"{p!.Str("period_start")}..{p!.Str("period_end")} {p!.Str("expected_amount")} {p!.Str("paid_amount")} {p!.Str("status")}").ShouldBe(
        [
            "2025-01-01..2025-01-31 500.00 500.00 Paid",
            "2025-02-01..2025-02-28 500.00 200.00 Overdue",
            "2025-03-01..2025-03-31 500.00 0.00 Overdue",
            "2025-04-01..2025-04-15 500.00 0.00 Overdue",
        ]);

        // From this month on, quarterly: the current quarter is Due, then Partially Paid; the next ones are Upcoming.
        var other = await BillingDeals.WonAsync(fixture);
        var start = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var current = await other.GenerateContractAsync(new { start_date = D(start), end_date = D(start.AddMonths(12).AddDays(-1)), billing_cycle = "Quarterly", price_per_cycle = 1500 });
        var periods = current["schedule"]!.AsArray();
        periods.Select(p => p!.Str("period_start")).ShouldBe([D(start), D(start.AddMonths(3)), D(start.AddMonths(6)), D(start.AddMonths(9))]);
        periods.Select(p => p!.Str("status")).ShouldBe(["Due", "Upcoming", "Upcoming", "Upcoming"]);
        periods[0]!.Str("period_end").ShouldBe(D(start.AddMonths(3).AddDays(-1)));
        periods[0]!.Str("expected_amount").ShouldBe("1500.00");

        await other.Client.PostJsonAsync($"/api/v1/contracts/{current.Str("id")}/payments", new { amount = 500, payment_date = Today, payment_method = "Stripe", service_period_start = D(start), service_period_end = D(start.AddMonths(1).AddDays(-1)) }).CreatedAsync();
        var paid = (await other.Client.GetAsync($"/api/v1/contracts/{current.Str("id")}").OkAsync())["schedule"]!.AsArray();
        paid[0]!.Str("paid_amount").ShouldBe("500.00");
        paid[0]!.Str("status").ShouldBe("Partially Paid");
    }

    private static string ContractUrl(BillingDeal deal) => $"/api/v1/opportunities/{deal.Opportunity.Str("id")}/generate-contract";
}

public static class BillingContractDeals
{
    /// <summary>A won deal with a single build product (1 × 4000.00) and no retainer.</summary>
    public static async Task<BillingDeal> WonWithoutRetainerAsync(CrmFixture fixture)
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var build = await admin.PostJsonAsync("/api/v1/products", new { name = $"Build {Guid.NewGuid():N}"[..16], standard_list_price = 4500 }).CreatedAsync();
        var account = await client.PostJsonAsync("/api/v1/accounts", new { name = $"One-off Co {Guid.NewGuid():N}"[..22] }).CreatedAsync();
        var opportunity = await client.PostJsonAsync("/api/v1/opportunities", new { name = "Website only", stage = "Negotiation", account_id = account.Str("id") }).CreatedAsync();
        var id = opportunity.Str("id");
        var withLine = await client.PostJsonAsync($"/api/v1/opportunities/{id}/line_items", new { product_id = build.Str("id"), quantity = 1, sale_price = "4000.00" }).CreatedAsync();
        var won = await client.PutJsonAsync($"/api/v1/opportunities/{id}", new { stage = "Closed Won", version = withLine.Int("version") }).OkAsync();
        return new BillingDeal(client, account, opportunity, build, build, won.Int("version"));
    }

    /// <summary>Generates the contract, retrying while Billing has not yet heard of the won deal (404).</summary>
    public static async Task<JsonNode> GenerateContractAsync(this BillingDeal deal, object body)
    {
        var url = $"/api/v1/opportunities/{deal.Opportunity.Str("id")}/generate-contract";
        var response = await Eventually.WaitForAsync(
            () => deal.Client.PostJsonAsync(url, body),
            r => r.StatusCode != HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30),
            "Billing to know the won deal");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
