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

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.ClickAsync();
        await box.PressSequentiallyAsync(token.ToLowerInvariant());
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Search results" });
        var option = listbox.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(name)) });
        await WaitForOptionAsync(listbox, option);
        await listbox.GetByRole(AriaRole.Group, new() { Name = "Accounts" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "global-search-dropdown.png") });

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/accounts/{id}$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();

        // Enter with no option active: the results page, the text kept in the address.
        await box.ClickAsync();
        await box.PressSequentiallyAsync(token.ToLowerInvariant());
        await WaitForOptionAsync(listbox, option);
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/search\\?q={token.ToLowerInvariant()}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = name }).WaitForAsync();
    }

    /// <summary>Waits for the option; on a time-out, says what the dropdown showed instead (a partial answer, say).</summary>
    private static async Task WaitForOptionAsync(ILocator listbox, ILocator option)
    {
        try
        {
            await option.WaitForAsync();
        }
        catch (TimeoutException e)
        {
            var shown = await listbox.IsVisibleAsync() ? await listbox.InnerTextAsync() : "(no dropdown)";
            throw new TimeoutException($"The dropdown showed: {shown}", e);
        }
    }
}
