using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndUsersTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task A_wrong_password_shows_the_generic_message_and_stays_on_the_login_page()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync(crm, crm.AdminEmail, "not-the-password-1");

        await page.GetByText("Invalid email or password.").WaitForAsync();
        page.Url.ShouldContain("/login");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "login-error.png") });
    }

    [Fact]
    public async Task Admin_logs_in_sees_home_creates_a_user_and_logs_out()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync(crm);
        await Assertions.Expect(page).ToHaveURLAsync(crm.GatewayUrl + "/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "home.png") });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users"));
        // The URL changes before the Users page replaces Home (whose agenda has New Event / New Task): wait for it.
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Users" }).WaitForAsync();
        // And for its rows, as a person would: a first load still on its way when the user is saved answers
        // from before the save, and React Query hands that answer to the refresh the save asks for.
        await page.GetByRole(AriaRole.Cell, new() { Name = crm.AdminEmail }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New User" });
        var email = $"{Guid.NewGuid():N}"[..10] + "@agency.test";
        await dialog.GetByLabel("First Name").FillAsync("Browser");
        await dialog.GetByLabel("Last Name").FillAsync("Tester");
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Role").SelectOptionAsync("User");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var created = page.GetByRole(AriaRole.Dialog, new() { Name = "User created" });
        var url = await created.GetByLabel("Set-password link").InputValueAsync();
        url.ShouldContain("/set-password?token=");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "users-new-link.png") });
        await created.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.StepAsync(crm, "The new user did not show in the users list.", () => page.GetByRole(AriaRole.Cell, new() { Name = email }).WaitForAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "users.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "View profile" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log Out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));

        // The session is over: the app sends us back to log in.
        await page.OpenAsync(crm.GatewayUrl + "/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));

        // The new user sets a password through the link and signs in.
        var newUserPage = await browser.NewPageAsync();
        await newUserPage.OpenAsync(url.Replace(new Uri(url).GetLeftPart(UriPartial.Authority), crm.GatewayUrl, StringComparison.Ordinal));
        await newUserPage.GetByLabel("New Password").FillAsync("Browser2Crm");
        await newUserPage.GetByLabel("Confirm Password").FillAsync("Browser2Crm");
        await newUserPage.GetByRole(AriaRole.Button, new() { Name = "Set Password" }).ClickAsync();
        await newUserPage.GetByRole(AriaRole.Link, new() { Name = "Go to Log In" }).WaitForAsync();
        await newUserPage.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "set-password-done.png") });
        await newUserPage.LogInAsync(crm, email, "Browser2Crm");
        await newUserPage.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();
        (await newUserPage.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).CountAsync()).ShouldBe(0);
    }
}
