using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>The header's global search box, as the browser tests use it.</summary>
public static class HeaderSearch
{
    public static ILocator Box(IPage page) => page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });

    public static ILocator Results(IPage page) => page.GetByRole(AriaRole.Listbox, new() { Name = "Search results" });

    public static ILocator Option(IPage page, string title) =>
        Results(page).GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(title)) });

    /// <summary>
    /// Types <paramref name="text"/> into the box and waits for the option titled <paramref name="title"/>. When
    /// the box no longer holds the text or its list is closed (it lost the focus while the page re-rendered), it is
    /// typed once more; what still fails says what the page, its API calls and the logs showed.
    /// </summary>
    public static async Task<ILocator> TypeAndFindAsync(IPage page, CrmFixture crm, string text, string title)
    {
        var box = Box(page);
        var option = Option(page, title);
        await box.ClickAsync();
        await box.PressSequentiallyAsync(text);
        await page.StepAsync(crm, $"The search for '{text}' did not list '{title}'.", async () =>
        {
            try
            {
                await option.WaitForAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException)
            {
                if (await box.InputValueAsync() == text && await Results(page).IsVisibleAsync())
                {
                    throw;
                }

                await box.FillAsync("");
                await box.ClickAsync();
                await box.PressSequentiallyAsync(text);
                await option.WaitForAsync();
            }
        });
        return option;
    }
}
