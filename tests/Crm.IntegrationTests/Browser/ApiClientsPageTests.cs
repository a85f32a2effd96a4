using System.Net;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// Setup → API Clients: an admin creates an integration's client in the app, copies the secret it shows once, and the
/// integration gets a token with it (client credentials at the gateway's /connect/token) and reads the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiClientsPageTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task Admin_creates_an_api_client_and_the_secret_shown_once_gets_a_token_that_reads_accounts()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "API Clients", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/api-clients$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "All API Clients" }).WaitForAsync();
        await page.GetByText("An API client lets another system").WaitForAsync();
        // Wait for the first load (its "N items • Sorted by Name" line) before saving, as SignInAndUsersTests does for
        // its rows: a load still on its way when the client is saved would answer from before the save.
        await page.StepAsync(crm, "The API clients list did not load.", () => page.GetByText(new Regex(@"^\d+ items? • Sorted by Name")).WaitForAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New API Client" });
        await dialog.GetByLabel("Name").FillAsync("Zapier sync");
        await dialog.GetByLabel("Role").SelectOptionAsync("User");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The secret, once: read-only with Copy, the Client ID, the token URL and a curl example.
        var shown = page.GetByRole(AriaRole.Dialog, new() { Name = "API Client Created" });
        await page.StepAsync(crm, "The new API client's secret was not shown.", () => shown.WaitForAsync());
        await Assertions.Expect(shown).ToContainTextAsync("Copy this secret now. For security, it won't be shown again.");
        var secretBox = shown.GetByRole(AriaRole.Textbox, new() { Name = "Client Secret", Exact = true });
        await Assertions.Expect(secretBox).ToHaveAttributeAsync("readonly", "");
        var secret = await secretBox.InputValueAsync();
        var clientId = await shown.GetByRole(AriaRole.Textbox, new() { Name = "Client ID", Exact = true }).InputValueAsync();
        secret.ShouldNotBeNullOrWhiteSpace();
        clientId.ShouldNotBeNullOrWhiteSpace();
        (await shown.GetByRole(AriaRole.Textbox, new() { Name = "Token URL", Exact = true }).InputValueAsync()).ShouldBe(crm.GatewayUrl + "/connect/token");
        (await shown.GetByRole(AriaRole.Textbox, new() { Name = "Example", Exact = true }).InputValueAsync()).ShouldContain(clientId);
        await shown.GetByRole(AriaRole.Button, new() { Name = "Copy Client Secret" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "api-clients-secret.png") });

        // Done: back to the list, where the new client shows (found by its client id: the list may hold other tests'
        // clients, and earlier runs' "Zapier sync") and the secret does not.
        await shown.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(shown).ToBeHiddenAsync();
        await page.GetByLabel("Search this list").FillAsync(clientId);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "API Clients" });
        await page.StepAsync(crm, "The new API client did not show in the list.", () => table.GetByRole(AriaRole.Cell, new() { Name = clientId }).WaitForAsync());
        await page.GetByText("1 item • Sorted by Name").WaitForAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Zapier sync", Exact = true })).ToBeVisibleAsync();
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain(secret);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "api-clients.png") });

        // The integration: a token with the client credentials grant at the gateway, then the API with its role (User).
        using var http = crm.CreateClient();
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var accessToken = (await token.ReadJsonAsync()).Str("access_token");

        using var api = crm.CreateClient().WithBearer(accessToken);
        var accounts = await api.GetAsync("/api/v1/accounts");
        accounts.StatusCode.ShouldBe(HttpStatusCode.OK, await accounts.Content.ReadAsStringAsync());
        (await api.GetAsync("/api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
