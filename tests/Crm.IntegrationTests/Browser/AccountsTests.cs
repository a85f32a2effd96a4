using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// The Accounts slice through the real gateway: New modal (with an inline error first), record page,
/// search, inline edit, a conflict from a second session resolved both ways, deactivation, the 404 page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsTests(CrmFixture crm, BrowserFixture browser)
{
    private const string ConflictTitle = "This record was changed by someone else";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        return page;
    }

    /// <summary>Someone else's edit: a PUT with the version they read, through the API with a bearer token.</summary>
    private static async Task<JsonElement> EditAsSomeoneElseAsync(HttpClient api, string id, object changes)
    {
        var current = await api.GetFromJsonAsync<JsonElement>($"api/v1/accounts/{id}");
        var body = JsonSerializer.SerializeToElement(changes);
        var payload = new Dictionary<string, object?> { ["version"] = current.GetProperty("version").GetInt32() };
        foreach (var property in body.EnumerateObject())
        {
            payload[property.Name] = property.Value;
        }

        using var response = await api.PutAsJsonAsync($"api/v1/accounts/{id}", payload);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    [Fact]
    public async Task Create_find_edit_resolve_conflicts_and_deactivate_an_account()
    {
        var page = await LoggedInPageAsync();
        var name = $"Browser Account {Guid.NewGuid():N}"[..24];

        // List view, New modal: an empty submit shows the required-field error first.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Accounts" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New Account" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var nameField = dialog.Locator(".slds-form-element", new() { Has = page.GetByLabel("Account Name") });
        await nameField.GetByText("Complete this field.").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("accounts-new-error.png") });

        await dialog.GetByLabel("Account Name").FillAsync(name);
        await dialog.GetByLabel("Phone").FillAsync("(555) 010-0001");
        await dialog.GetByLabel("Website").FillAsync("browser-account.example");
        await dialog.GetByLabel("Type").SelectOptionAsync("Customer");
        await dialog.GetByLabel("Billing Address").FillAsync("1 Market Street\nSan Francisco");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Lands on the record page with a toast.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/[0-9a-fA-F-]{36}$"));
        await page.GetByText($"Account \"{name}\" was created.").WaitForAsync();
        var id = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Edit Phone" }).CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Shot("accounts-record.png") });

        // Found by search in the list.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByLabel("Search this list").FillAsync(name);
        var link = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await link.WaitForAsync();
        await page.GetByText("Showing 1–1 of 1").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("accounts-list.png") });
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/accounts/{id}$"));

        // Inline edit: pencil, change, Save; read-only again with a toast.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Phone" }).ClickAsync();
        await page.GetByLabel("Phone").FillAsync("(555) 010-0002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByText("Account saved.").First.WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "(555) 010-0002" }).First.WaitForAsync();
        (await page.GetByLabel("Phone").CountAsync()).ShouldBe(0);

        using var other = await crm.AdminClientAsync();

        // Conflict 1: they change the website while I edit the phone; I reload and see theirs.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Phone" }).ClickAsync();
        await page.GetByLabel("Phone").FillAsync("(555) 010-0003");
        await EditAsSomeoneElseAsync(other, id, new { website = "theirs.example" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var conflict = page.GetByRole(AriaRole.Dialog, new() { Name = ConflictTitle });
        await conflict.WaitForAsync();
        await conflict.GetByRole(AriaRole.Row).Filter(new() { HasText = "Website" }).GetByText("theirs.example").WaitForAsync();
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await conflict.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.GetByRole(AriaRole.Link, new() { Name = "theirs.example" }).First.WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "(555) 010-0002" }).First.WaitForAsync();
        (await page.GetByText("(555) 010-0003").CountAsync()).ShouldBe(0);

        // Conflict 2: we both change the phone; I apply mine on top of theirs.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Phone" }).ClickAsync();
        await page.GetByLabel("Phone").FillAsync("(555) 010-0005");
        await EditAsSomeoneElseAsync(other, id, new { phone = "(555) 010-0004", description = "Theirs too" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await conflict.WaitForAsync();
        var phoneRow = conflict.GetByRole(AriaRole.Row).Filter(new() { HasText = "Phone" });
        await phoneRow.GetByText("(555) 010-0004").WaitForAsync();
        await phoneRow.GetByText("(555) 010-0005").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("accounts-conflict.png") });
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Apply my changes" }).ClickAsync();
        await conflict.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.GetByRole(AriaRole.Link, new() { Name = "(555) 010-0005" }).First.WaitForAsync();
        await page.GetByText("Theirs too").WaitForAsync();
        var saved = await other.GetFromJsonAsync<JsonElement>($"api/v1/accounts/{id}");
        saved.GetProperty("phone").GetString().ShouldBe("(555) 010-0005");
        saved.GetProperty("description").GetString().ShouldBe("Theirs too");
        saved.GetProperty("website").GetString().ShouldBe("theirs.example");

        // Deactivate: confirm, back to the list, gone from it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Deactivate Account" });
        await confirm.GetByText("Are you sure you want to deactivate this account? All historical data will be preserved.").WaitForAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts$"));
        await page.GetByLabel("Search this list").FillAsync(name);
        await page.GetByText("No matching accounts").WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).CountAsync()).ShouldBe(0);
        var deactivated = await other.GetFromJsonAsync<JsonElement>($"api/v1/accounts/{id}");
        deactivated.GetProperty("is_active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_account_shows_the_page_not_available_illustration()
    {
        var page = await LoggedInPageAsync();

        await page.OpenAsync($"{crm.GatewayUrl}/accounts/{Guid.NewGuid()}");

        await page.GetByRole(AriaRole.Heading, new() { Name = "This page isn't available" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Accounts" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("accounts-404.png") });
    }
}
