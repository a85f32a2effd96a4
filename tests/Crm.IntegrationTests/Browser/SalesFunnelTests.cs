using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// Workflow 1 through the real gateway: a lead created in the UI, moved along its status path and
/// converted (opportunity name typed); the new opportunity gets two discounted products (Amount = the
/// sum), is dragged to Closed Won on the Kanban board, stays there after a reload, and its record page
/// shows Stage Closed Won and Probability 100%.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SalesFunnelTests(CrmFixture crm, BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        return page;
    }

    private static readonly Dictionary<string, string> CsrfHeader = new() { ["X-Requested-With"] = "XMLHttpRequest" };

    /// <summary>
    /// The API with the page's own session cookie (no second login: the gateway rate-limits logins
    /// per address and email, and the browser suite logs the admin in many times a minute).
    /// </summary>
    private async Task CreateProductAsync(IPage page, string name, string price)
    {
        var response = await page.APIRequest.PostAsync($"{crm.GatewayUrl}/api/v1/products", new() { DataObject = new { name, standard_list_price = price }, Headers = CsrfHeader });
        response.Ok.ShouldBeTrue(await response.TextAsync());
    }

    private async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync($"{crm.GatewayUrl}/{path}");
        response.Ok.ShouldBeTrue(await response.TextAsync());
        return (await response.JsonAsync())!.Value;
    }

    private static ILocator Nav(IPage page, string tab) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true });

    /// <summary>Toasts stack over the header; close them so screenshots show the page.</summary>
    private static async Task CloseToastsAsync(IPage page)
    {
        var close = page.Locator(".slds-notify_toast button[title='Close']");
        while (await close.CountAsync() > 0)
        {
            await close.First.ClickAsync();
        }
    }

    private static async Task AddProductAsync(IPage page, string product, string quantity, string salePrice)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Products" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add Products" });
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Product" }).FillAsync(product);
        await dialog.GetByRole(AriaRole.Option, new() { Name = product }).ClickAsync();
        var price = dialog.GetByLabel("Sales Price");
        await price.WaitForAsync();
        // Defaults to the list price once the product is chosen.
        await Assertions.Expect(price).Not.ToHaveValueAsync("");
        await dialog.GetByLabel("Quantity").FillAsync(quantity);
        await price.FillAsync(salePrice);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task A_lead_becomes_a_won_opportunity_with_discounted_products()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var company = $"Funnel Co {suffix}";
        var design = $"Funnel Design {suffix}";
        var hosting = $"Funnel Hosting {suffix}";
        var opportunityName = $"{company}-Website";

        var page = await LoggedInPageAsync();
        await CreateProductAsync(page, design, "5000.00");
        await CreateProductAsync(page, hosting, "1200.00");

        // New Lead from the Leads tab; lands on its record page.
        await Nav(page, "Leads").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Open Leads" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        var newLead = page.GetByRole(AriaRole.Dialog, new() { Name = "New Lead" });
        await newLead.GetByLabel("First Name").FillAsync("Fiona");
        await newLead.GetByLabel("Last Name").FillAsync($"Funnel {suffix}");
        await newLead.GetByLabel("Company").FillAsync(company);
        await newLead.GetByLabel("Lead Source").SelectOptionAsync("Web");
        await newLead.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads/[0-9a-fA-F-]{36}$"));
        await page.GetByText($"Lead \"Fiona Funnel {suffix}\" was created.").WaitForAsync();

        // Status path: New is current; "Mark Status as Complete" moves it to Contacted.
        var path = page.GetByRole(AriaRole.Listbox, new() { Name = "Status path" });
        await Assertions.Expect(path.GetByRole(AriaRole.Option, new() { Name = "New" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark Status as Complete" }).ClickAsync();
        await page.GetByText("Status changed successfully.").First.WaitForAsync();
        await page.Locator("[data-field='status']").GetByText("Contacted").WaitForAsync();
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("sales-lead-record.png") });

        // Convert: a new account from the company, a contact, the opportunity name typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Convert", Exact = true }).ClickAsync();
        var convert = page.GetByRole(AriaRole.Dialog, new() { Name = "Convert Lead" });
        var opportunityField = convert.GetByLabel("Opportunity Name");
        await Assertions.Expect(opportunityField).ToHaveValueAsync($"{company}-");
        await opportunityField.FillAsync(opportunityName);
        await page.ScreenshotAsync(new() { Path = Shot("sales-lead-convert.png") });
        await convert.GetByRole(AriaRole.Button, new() { Name = "Convert", Exact = true }).ClickAsync();

        var converted = page.GetByRole(AriaRole.Dialog, new() { Name = "Your lead has been converted" });
        await converted.WaitForAsync();
        await converted.GetByRole(AriaRole.Link, new() { Name = company, Exact = true }).WaitForAsync();
        await converted.GetByRole(AriaRole.Link, new() { Name = $"Fiona Funnel {suffix}" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("sales-lead-converted.png") });
        await converted.GetByRole(AriaRole.Link, new() { Name = opportunityName }).ClickAsync();

        // The new opportunity: two products below their list prices; Amount is the sum.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/opportunities/[0-9a-fA-F-]{36}$"));
        var opportunityId = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await page.GetByRole(AriaRole.Heading, new() { Name = opportunityName, Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Related" }).ClickAsync();
        await AddProductAsync(page, design, "1", "4500.00");
        await page.GetByTestId("opportunity-amount").GetByText("$4,500.00").WaitForAsync();
        await AddProductAsync(page, hosting, "2", "1000.00");
        var products = page.GetByRole(AriaRole.Table, new() { Name = "Products" });
        await products.GetByRole(AriaRole.Row).Filter(new() { HasText = hosting }).GetByText("$2,000.00").WaitForAsync();
        await products.GetByRole(AriaRole.Row).Filter(new() { HasText = design }).GetByText("$5,000.00").WaitForAsync();
        await page.GetByTestId("opportunity-amount").GetByText("$6,500.00").WaitForAsync();
        var saved = await GetJsonAsync(page, $"api/v1/opportunities/{opportunityId}");
        saved.GetProperty("calculated_amount").GetString().ShouldBe("6500.00");
        saved.GetProperty("line_items").GetArrayLength().ShouldBe(2);
        await CloseToastsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("sales-opportunity-record.png"), FullPage = true });

        // The Kanban board (the tab's default view): drag the card from Qualifying to Closed Won.
        await Nav(page, "Opportunities").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/opportunities$"));
        var qualifying = page.GetByRole(AriaRole.Region, new() { Name = "Qualifying", Exact = true });
        var won = page.GetByRole(AriaRole.Region, new() { Name = "Closed Won", Exact = true });
        var card = qualifying.GetByRole(AriaRole.Article, new() { Name = opportunityName });
        await card.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("sales-board.png") });
        // Dropped on the column's header: on the shared test CRM a column can hold a hundred cards, and its centre,
        // where a plain drag aims, is then far below the window.
        await card.DragToAsync(won, new() { TargetPosition = new() { X = 40, Y = 20 } });
        await won.GetByRole(AriaRole.Article, new() { Name = opportunityName }).WaitForAsync();
        await page.GetByText($"\"{opportunityName}\" moved to Closed Won.").WaitForAsync();

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await won.GetByRole(AriaRole.Article, new() { Name = opportunityName }).WaitForAsync();
        (await qualifying.GetByRole(AriaRole.Article, new() { Name = opportunityName }).CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = Shot("sales-board-won.png") });

        // Its record page: Stage Closed Won, Probability 100%.
        await won.GetByRole(AriaRole.Link, new() { Name = opportunityName }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/opportunities/{opportunityId}$"));
        await page.Locator("[data-field='stage']").GetByText("Closed Won").WaitForAsync();
        await page.Locator("[data-field='probability']").GetByText("100%").WaitForAsync();
        await page.Locator(".crm-highlights").GetByText("100%").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("sales-opportunity-won.png") });
        var closed = await GetJsonAsync(page, $"api/v1/opportunities/{opportunityId}");
        closed.GetProperty("stage").GetString().ShouldBe("Closed Won");
        closed.GetProperty("probability").GetInt32().ShouldBe(100);
    }
}
