using System.Text;
using System.Text.RegularExpressions;
using Crm.IntegrationTests.Search;
using Crm.Testing;
using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>The list header's Import wizard: upload, map, review a dry run (errors, duplicates), import, then find the record in the global search.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportWizardTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task A_small_accounts_file_imports_through_the_wizard_and_the_global_search_finds_it()
    {
        var token = SearchTokens.Word();
        var api = await crm.AdminClientAsync();
        await api.PostJsonAsync("/api/v1/accounts", new { name = $"{token} Existing" }).CreatedAsync();

        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm, next: "/accounts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Import Accounts" });
        await dialog.GetByText("Upload File").WaitForAsync();
        await Shot(page, "import-1-upload");

        // A file with a bad row first: the review lists the error and offers no import.
        await Upload(dialog, $"Account Name,Website\r\n{token} Broken,not a website\r\n");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        var errors = dialog.GetByRole(AriaRole.Table, new() { Name = "Errors" });
        await errors.GetByRole(AriaRole.Cell, new() { Name = "Enter a website such as https://example.com." }).WaitForAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Import ") })).ToBeDisabledAsync();
        await Shot(page, "import-3-review-errors");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Upload(dialog, $"Account Name,Phone,Type,Account Owner\r\n{token} Imported Studio,+1 555 0100,Customer,Someone Else\r\n{token} Second,,,\r\n{token} Existing,,,\r\n");

        // The export's titles are matched to fields; the owner column is left out.
        var mapping = dialog.GetByRole(AriaRole.Table, new() { Name = "Column mapping" });
        await Assertions.Expect(mapping.GetByLabel("Field for Account Name")).ToHaveValueAsync("name");
        await Assertions.Expect(mapping.GetByLabel("Field for Type")).ToHaveValueAsync("type");
        await Assertions.Expect(mapping.GetByLabel("Field for Account Owner")).ToHaveValueAsync("");
        await Shot(page, "import-2-map");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await dialog.GetByText("Ready: 3 of 3 rows will be imported. 1 row duplicates an existing account.").WaitForAsync();
        await dialog.GetByText("Skip duplicates (1 row)").ClickAsync();
        await dialog.GetByText("Ready: 2 of 3 rows will be imported.", new() { Exact = false }).WaitForAsync();
        await Shot(page, "import-3-review");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Import 2 accounts" }).ClickAsync();
        await dialog.GetByText("Imported 2 accounts.").WaitForAsync();
        await dialog.GetByText("1 duplicate was skipped.").WaitForAsync();
        await Shot(page, "import-4-done");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        // The list (shared with every other test, so searched rather than paged) shows the new accounts,
        // and the header's search finds one at once (it asks Sales directly).
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search this list" }).FillAsync(token);
        await page.StepAsync(crm, "The accounts list did not show the imported accounts.", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = $"{token} Imported Studio" }).WaitForAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"{token} Second" }).WaitForAsync();
        });
        await HeaderSearch.TypeAndFindAsync(page, crm, token.ToLowerInvariant(), $"{token} Imported Studio");
        await Shot(page, "import-5-search");
    }

    private static Task Upload(ILocator dialog, string csv) =>
        dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "accounts.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png") });
}
