using System.Text;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>Steps every browser test shares: opening a page and logging in through the login form.</summary>
public static class PageActions
{
    /// <summary>
    /// Opens a URL and waits only for the document, not the <c>load</c> event: the tests wait for what they
    /// need on screen, and a slow machine must not fail a test on an image or font it never looks at.
    /// </summary>
    public static Task<IResponse?> OpenAsync(this IPage page, string url) =>
        page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>Opens <paramref name="next"/>, is sent to the login page, and submits the form (as the admin unless told).</summary>
    public static async Task LogInAsync(this IPage page, CrmFixture crm, string? email = null, string? password = null, string next = "/")
    {
        await page.OpenAsync(crm.GatewayUrl + next);
        await page.StepAsync(crm, "The app did not send the browser to the login page.", async () =>
        {
            // The app's redirect to /login is a client-side (history) navigation: poll the URL rather than wait
            // for a navigation event, which may already have happened before the wait begins.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
            await page.GetByLabel("Username").WaitForAsync();
        });

        await page.GetByLabel("Username").FillAsync(email ?? crm.AdminEmail);
        await page.GetByLabel("Password").FillAsync(password ?? crm.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();
    }

    /// <summary>
    /// Runs a step; when it times out, fails with what the page showed, the API calls it made and the last
    /// lines of the gateway's and Identity's logs, so a failure on another machine can be understood.
    /// </summary>
    public static async Task StepAsync(this IPage page, CrmFixture crm, string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new TimeoutException(await DescribeAsync(page, crm, what), ex);
        }
    }

    private static async Task<string> DescribeAsync(IPage page, CrmFixture crm, string what)
    {
        var text = new StringBuilder();
        text.AppendLine(what);
        text.AppendLine("Page: " + page.Url);
        text.AppendLine("Visible text: " + Truncate(await VisibleTextAsync(page), 800));
        var calls = ApiLog.Of(page);
        text.AppendLine("API calls: " + (calls.Count == 0 ? "none" : string.Join("; ", calls)));
        foreach (var line in new[] { "gateway", "identity" }.SelectMany(name => crm.RecentLogs(name, 15)))
        {
            text.AppendLine(Truncate(line, 300));
        }

        return text.ToString();
    }

    private static async Task<string> VisibleTextAsync(IPage page)
    {
        try
        {
            return await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
        }
        catch (PlaywrightException ex)
        {
            return "(unreadable: " + ex.Message + ")";
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max] + "…";
}
