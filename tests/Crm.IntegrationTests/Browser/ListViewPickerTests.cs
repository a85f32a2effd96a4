using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>A list's view picker (Recently Viewed after opening a record) and its Export button (the filtered rows as CSV).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListViewPickerTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task Recently_viewed_shows_an_opened_record_and_export_downloads_the_filtered_rows()
    {
        var token = Lists.ListViewsTests.Letters();
        var api = crm.CreateClient().WithBearer(await crm.AdminTokenAsync());
        var opened = await api.PostJsonAsync("/api/v1/accounts", new { name = $"Opened {token}" }).CreatedAsync();
        await api.PostJsonAsync("/api/v1/accounts", new { name = $"Unopened {token}" }).CreatedAsync();

        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm, next: $"/accounts/{opened.Str("id")}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Opened {token}", Level = 1 }).WaitForAsync();

        // Back to the list; pick "Recently Viewed" from the list view name.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "All Accounts" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemcheckbox, new() { Name = "Recently Viewed" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts\\?view=recent$"));
        await page.GetByLabel("Search this list").FillAsync(token);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Accounts" });
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = $"Opened {token}", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(table.GetByText($"Unopened {token}")).ToHaveCountAsync(0);
        await page.GetByText("1 item • Sorted by Last Viewed").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "list-recently-viewed.png") });

        // All Accounts filtered by the token: Export downloads exactly those rows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Recently Viewed" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemcheckbox, new() { Name = "All Accounts" }).ClickAsync();
        await page.GetByText("2 items • Sorted by").WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export" }).ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^accounts-\d{4}-\d{2}-\d{2}\.csv$");
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Account Name,");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe([$"Opened {token}", $"Unopened {token}"]);
        await page.Context.CloseAsync();
    }
}
