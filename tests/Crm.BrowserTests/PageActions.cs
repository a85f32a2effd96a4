using System.Text;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;

namespace Crm.BrowserTests;

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
        var apiCalls = new List<string>();
        void Record(object? sender, IResponse response)
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                lock (apiCalls)
                {
                    apiCalls.Add($"{response.Status} {response.Request.Method} {response.Url}");
                }
            }
        }

        page.Response += Record;
        try
        {
            await page.OpenAsync(crm.GatewayUrl + next);
            // The app's redirect to /login is a client-side (history) navigation: poll the URL rather than wait
            // for a navigation event, which may already have happened before the wait begins.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
            await page.GetByLabel("Username").WaitForAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new TimeoutException(await DescribeAsync(page, crm, apiCalls), ex);
        }
        finally
        {
            page.Response -= Record;
        }

        await page.GetByLabel("Username").FillAsync(email ?? crm.AdminEmail);
        await page.GetByLabel("Password").FillAsync(password ?? crm.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();
    }

    /// <summary>What the page and the system looked like when a step timed out, for the test's failure message.</summary>
    private static async Task<string> DescribeAsync(IPage page, CrmFixture crm, List<string> apiCalls)
    {
        var text = new StringBuilder();
        text.AppendLine($"The app did not send {page.Url} to the login page.");
        text.AppendLine("Visible text: " + Truncate(await VisibleTextAsync(page), 500));
        lock (apiCalls)
        {
            text.AppendLine("API responses seen: " + (apiCalls.Count == 0 ? "none" : string.Join("; ", apiCalls)));
        }

        foreach (var name in new[] { "gateway", "identity" })
        {
            foreach (var resource in crm.Topology.GetResources(name))
            {
                text.AppendLine($"--- {resource.Name} ({resource.State}, {resource.Health}), last lines:");
                foreach (var line in resource.Logs.Tail(15))
                {
                    text.AppendLine(Truncate(line.Text, 300));
                }
            }
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
