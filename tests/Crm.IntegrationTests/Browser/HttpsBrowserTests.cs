using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>The app over HTTPS in Chromium, once: sign in, Home, a list, the session cookie Secure and HttpOnly.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HttpsBrowserTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task Signing_in_and_working_over_https_keeps_the_session_in_a_secure_cookie()
    {
        // The certificate is the self-signed one the AppHost generated for localhost: this context accepts it.
        var page = await browser.NewPageAsync(acceptAnyCertificate: true);
        var context = page.Context;
        var app = crm.GatewayHttpsUrl;

        var first = await page.GotoAsync(app + "/");
        first!.Headers["strict-transport-security"].ShouldBe("max-age=31536000");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("Username").FillAsync(crm.AdminEmail);
        await page.GetByLabel("Password").FillAsync(crm.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        page.Url.ShouldStartWith(app);

        var session = (await context.CookiesAsync()).Single(c => c.Name == "crm_session");
        session.Secure.ShouldBeTrue();
        session.HttpOnly.ShouldBeTrue();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Accounts" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "https-accounts.png") });
        await context.CloseAsync();
    }
}
