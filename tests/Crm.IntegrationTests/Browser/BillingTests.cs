using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// Workflows 2 and 3 in the UI: a won deal (set up through the API: a one-off and a retainer
/// product, an account, an opportunity with both lines, Closed Won) becomes an order with
/// "Generate Order"; a partial payment and a retainer payment for the rest (service period this
/// year) make it Paid in Full; voiding the partial one takes it back to Partially Paid with the row
/// struck through; the retainer report for this year lists the account.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BillingTests(CrmFixture crm, BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The won deal, through the API with the admin's bearer token; returns the opportunity id.</summary>
    private async Task<string> WonDealAsync(string account, string design, string retainer)
    {
        var token = await crm.GetTokenAsync(crm.AdminEmail, crm.AdminPassword);
        using var api = crm.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var designId = (await SendAsync(api, HttpMethod.Post, "api/v1/products", new { name = design, standard_list_price = "3000.00" })).GetProperty("id").GetString()!;
        var retainerId = (await SendAsync(api, HttpMethod.Post, "api/v1/products", new { name = retainer, standard_list_price = "1000.00", is_retainer_product = true })).GetProperty("id").GetString()!;
        var accountId = (await SendAsync(api, HttpMethod.Post, "api/v1/accounts", new { name = account, type = "Customer" })).GetProperty("id").GetString()!;
        var opportunity = await SendAsync(api, HttpMethod.Post, "api/v1/opportunities", new
        {
            name = $"{account}-Website",
            stage = "Negotiation",
            account_id = accountId,
            close_date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
        var id = opportunity.GetProperty("id").GetString()!;
        await SendAsync(api, HttpMethod.Post, $"api/v1/opportunities/{id}/line_items", new { product_id = designId, quantity = 1, sale_price = "3000.00" });
        var withLines = await SendAsync(api, HttpMethod.Post, $"api/v1/opportunities/{id}/line_items", new { product_id = retainerId, quantity = 1, sale_price = "1000.00" });
        var version = withLines.GetProperty("version").GetInt32();
        var won = await SendAsync(api, HttpMethod.Put, $"api/v1/opportunities/{id}", new { stage = "Closed Won", version });
        won.GetProperty("stage").GetString().ShouldBe("Closed Won");
        return id;
    }

    private async Task<IPage> LoggedInPageAsync(string next)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm, next: next);
        return page;
    }

    private static async Task CloseToastsAsync(IPage page)
    {
        var close = page.Locator(".slds-notify_toast button[title='Close']");
        while (await close.CountAsync() > 0)
        {
            await close.First.ClickAsync();
        }
    }

    private static async Task LogPaymentAsync(IPage page, string amount, string method, (string Start, string End)? servicePeriod, string? screenshot = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Log Payment" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Log Payment" });
        await Assertions.Expect(dialog.GetByLabel("Payment Date")).ToHaveValueAsync(DateTime.Now.ToString("yyyy-MM-dd"));
        await Assertions.Expect(dialog.GetByLabel("Status")).ToHaveValueAsync("Completed");
        await dialog.GetByLabel("Amount").FillAsync(amount);
        await dialog.GetByLabel("Payment Method").SelectOptionAsync(method);
        await dialog.GetByLabel("Transaction ID").FillAsync($"TX-{amount}");
        if (servicePeriod is { } period)
        {
            await dialog.GetByText("Retainer payment").ClickAsync();
            await dialog.GetByLabel("Service Period Start").FillAsync(period.Start);
            await dialog.GetByLabel("Service Period End").FillAsync(period.End);
        }

        if (screenshot is not null)
        {
            await CloseToastsAsync(page);
            await page.ScreenshotAsync(new() { Path = Shot(screenshot) });
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task A_won_deal_becomes_an_order_that_takes_and_voids_payments_and_shows_in_the_retainer_report()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var account = $"Billing Co {suffix}";
        var design = $"Billing Design {suffix}";
        var retainer = $"Billing Care Plan {suffix}";
        var year = DateTime.Now.Year;
        var opportunityId = await WonDealAsync(account, design, retainer);

        // The opportunity: Closed Won offers "Generate Order" (and, with a retainer line, "Generate Contract").
        var page = await LoggedInPageAsync($"/opportunities/{opportunityId}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/opportunities/{opportunityId}$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{account}-Website", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Generate Contract" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate Order" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Generate Order" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Generate Order" }).ClickAsync();

        // The order: Awaiting Payment, Total $4,000.00, both products.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-fA-F-]{36}$"), new() { Timeout = 30_000 });
        await page.GetByText(new Regex(@"^Order .+ was generated\.$")).WaitForAsync();
        var status = page.GetByTestId("order-status");
        await Assertions.Expect(status).ToHaveTextAsync("Awaiting Payment");
        await Assertions.Expect(page.GetByTestId("order-total")).ToHaveTextAsync("$4,000.00");
        await Assertions.Expect(page.GetByTestId("order-balance-due")).ToHaveTextAsync("$4,000.00");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        var products = page.GetByRole(AriaRole.Table, new() { Name = "Order Products" });
        await products.GetByRole(AriaRole.Row).Filter(new() { HasText = design }).GetByText("$3,000.00").First.WaitForAsync();
        await products.GetByRole(AriaRole.Row).Filter(new() { HasText = retainer }).GetByText("$1,000.00").First.WaitForAsync();

        // A partial payment: Partially Paid, $2,500.00 due.
        await LogPaymentAsync(page, "1500.00", "Bank Transfer", null);
        await Assertions.Expect(status).ToHaveTextAsync("Partially Paid");
        await Assertions.Expect(page.GetByTestId("order-balance-due")).ToHaveTextAsync("$2,500.00");

        // The rest as a retainer payment for January of this year: Paid in Full.
        await LogPaymentAsync(page, "2500.00", "Stripe", ($"{year}-01-01", $"{year}-01-31"), "billing-log-payment.png");
        await Assertions.Expect(status).ToHaveTextAsync("Paid in Full");
        await Assertions.Expect(page.GetByTestId("order-balance-due")).ToHaveTextAsync("$0.00");

        // Void the partial one: back to Partially Paid; the row stays, struck through.
        var payments = page.GetByRole(AriaRole.Table, new() { Name = "Payments" });
        var partialRow = payments.GetByRole(AriaRole.Row).Filter(new() { HasText = "$1,500.00" });
        await partialRow.GetByRole(AriaRole.Button, new() { Name = "Show actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Void" }).ClickAsync();
        var voidDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Void Payment" });
        await voidDialog.GetByRole(AriaRole.Button, new() { Name = "Void", Exact = true }).ClickAsync();
        await voidDialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await Assertions.Expect(status).ToHaveTextAsync("Partially Paid");
        await Assertions.Expect(page.GetByTestId("order-total-paid")).ToHaveTextAsync("$2,500.00");
        await Assertions.Expect(page.GetByTestId("order-balance-due")).ToHaveTextAsync("$1,500.00");
        await partialRow.GetByText("Void", new() { Exact = true }).WaitForAsync();
        (await partialRow.Locator(".crm-void").CountAsync()).ShouldBeGreaterThan(0);
        var decoration = await partialRow.Locator(".crm-void").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");
        decoration.ShouldContain("line-through");
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("billing-order-record.png"), FullPage = true });

        // The retainer report for this year: the account's row, January paid.
        await page.OpenAsync($"{crm.GatewayUrl}/reports/retainer?year={year}");
        var report = page.GetByRole(AriaRole.Table, new() { Name = $"Retainer payments {year}" });
        var row = report.GetByRole(AriaRole.Row).Filter(new() { HasText = account });
        await row.WaitForAsync();
        await row.GetByRole(AriaRole.Cell).Nth(0).GetByText("$2,500.00").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = Shot("billing-retainer-report.png"), FullPage = true });

        // The retainer line also makes a contract: Generate Contract → its record page with the payments list.
        await page.OpenAsync($"{crm.GatewayUrl}/opportunities/{opportunityId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate Contract" }).ClickAsync();
        var generate = page.GetByRole(AriaRole.Dialog, new() { Name = "Generate Contract" });
        await generate.GetByLabel("Start Date").FillAsync($"{year}-01-01");
        await generate.GetByLabel("End Date").FillAsync($"{year}-12-31");
        await generate.GetByLabel("Billing Cycle").SelectOptionAsync("Quarterly");
        await generate.GetByLabel("Price per Cycle").FillAsync("3000.00");
        await generate.GetByRole(AriaRole.Button, new() { Name = "Generate Contract" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contracts/[0-9a-fA-F-]{36}$"), new() { Timeout = 30_000 });
        await page.Locator(".crm-highlights__value").GetByText("Quarterly").WaitForAsync();
        await page.Locator(".crm-highlights__value").GetByText("$3,000.00").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log Payment" }).WaitForAsync();
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("billing-contract-record.png"), FullPage = true });
        var contractUrl = page.Url;

        // With the contract's schedule the report marks the months that ended less paid than expected.
        await page.OpenAsync($"{crm.GatewayUrl}/reports/retainer?year={year}");
        var overdueRow = page.GetByRole(AriaRole.Table, new() { Name = $"Retainer payments {year}" }).GetByRole(AriaRole.Row).Filter(new() { HasText = account });
        await overdueRow.WaitForAsync();
        await overdueRow.Locator("td.crm-overdue").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("billing-retainer-report-overdue.png"), FullPage = true });
        await page.GoBackAsync();

        // The account lists both; the Payments list links the order and the account.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contracts/[0-9a-fA-F-]{36}$"));
        await page.Locator(".crm-highlights__value").GetByRole(AriaRole.Link, new() { Name = account }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/[0-9a-fA-F-]{36}$"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        await page.GetByRole(AriaRole.Table, new() { Name = "Orders" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^ORD-") }).WaitForAsync();
        await page.GetByRole(AriaRole.Table, new() { Name = "Contracts" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^CTR-") }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("billing-account-related.png"), FullPage = true });

        // "View All" opens the contracts list filtered to the account: its one contract, the filter naming it.
        await page.GetByRole(AriaRole.Link, new() { Name = "View All Contracts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contracts\\?account_id=[0-9a-fA-F-]{36}$"));
        var contractRows = page.GetByRole(AriaRole.Table, new() { Name = "Contracts" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "CTR-" });
        await contractRows.First.WaitForAsync();
        await Assertions.Expect(contractRows).ToHaveCountAsync(1);
        await contractRows.First.GetByText(account).WaitForAsync();
        await Assertions.Expect(page.Locator(".crm-filter_lookup input")).ToHaveValueAsync(account);
        await page.ScreenshotAsync(new() { Path = Shot("billing-contracts-list.png") });
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "View All Orders" }).ClickAsync();
        var orderRows = page.GetByRole(AriaRole.Table, new() { Name = "Orders" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "ORD-" });
        await orderRows.First.WaitForAsync();
        await Assertions.Expect(orderRows).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("billing-orders-list-by-account.png") });

        await page.OpenAsync($"{crm.GatewayUrl}/payments");
        var paymentRows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = account });
        await paymentRows.First.WaitForAsync();
        await Assertions.Expect(paymentRows).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Shot("billing-payments-list.png") });

        // Renew: the renewal deal opens pre-filled on the account; once won it generates the next contract.
        await page.OpenAsync(contractUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Renew" }).ClickAsync();
        var renewal = page.GetByRole(AriaRole.Dialog, new() { Name = "New Opportunity" });
        await Assertions.Expect(renewal.GetByLabel("Opportunity Name")).ToHaveValueAsync($"{account} retainer renewal {year + 1}");
        await Assertions.Expect(renewal.GetByLabel("Close Date")).ToHaveValueAsync($"{year}-12-31");
        await renewal.GetByText(new Regex("^Renewal of CTR-\\d+\\. Add the retainer line")).WaitForAsync();
        await Assertions.Expect(renewal.GetByLabel("Description")).ToHaveValueAsync(new Regex($"^Renewal of CTR-\\d+ \\({year}-01-01 to {year}-12-31, Quarterly, \\$3,000\\.00 per cycle\\)"));
        await page.ScreenshotAsync(new() { Path = Shot("billing-contract-renew.png") });
        await renewal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{account} retainer renewal {year + 1}", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/opportunities/[0-9a-fA-F-]{36}$"));
    }
}
