using System.Text.RegularExpressions;
using Crm.IntegrationTests.Search;
using Crm.Testing;
using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>The header's global search: type, see the dropdown, pick with the keyboard, land on the record.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GlobalSearchTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task Typing_in_the_header_lists_the_record_and_the_keyboard_opens_it()
    {
        var token = SearchTokens.Word();
        var name = $"{token} Search Studio";
        var api = await crm.AdminClientAsync();
        var id = (await api.PostJsonAsync("/api/v1/accounts", new { name, website = $"{token.ToLowerInvariant()}.example" }).CreatedAsync()).Str("id");

        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();

        var box = HeaderSearch.Box(page);
        var listbox = HeaderSearch.Results(page);
        var option = await HeaderSearch.TypeAndFindAsync(page, crm, token.ToLowerInvariant(), name);
        await listbox.GetByRole(AriaRole.Group, new() { Name = "Accounts" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "global-search-dropdown.png") });

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/accounts/{id}$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();

        // Enter with no option active: the results page, the text kept in the address.
        await HeaderSearch.TypeAndFindAsync(page, crm, token.ToLowerInvariant(), name);
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/search\\?q={token.ToLowerInvariant()}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = name }).WaitForAsync();
    }
}
