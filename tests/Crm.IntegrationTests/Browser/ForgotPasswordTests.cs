using System.Text.RegularExpressions;
using Crm.IntegrationTests.Mail;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ForgotPasswordTests(CrmFixture crm, BrowserFixture browser)
{
    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_password_to_sign_in_with()
    {
        var user = await TestUsers.CreateAsync(crm);
        var page = await browser.NewPageAsync();
        await page.OpenAsync(crm.GatewayUrl + "/login");
        await page.GetByLabel("Username").FillAsync(user.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot Your Password?" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Forgot Your Password" }).WaitForAsync();
        // What was typed on the login page comes along.
        (await page.GetByLabel("Username").InputValueAsync()).ShouldBe(user.Email);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "forgot-password.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.StepAsync(crm, "The confirmation did not show.", () => page.GetByRole(AriaRole.Heading, new() { Name = "Check Your Email" }).WaitForAsync());
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe(
            "If that address is in our records, we've sent a link to reset your password. Check your email.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "forgot-password-sent.png") });

        // The mail as the sink shows it, its link clickable.
        var mail = await crm.WaitForMailAsync(user.Email, "Reset your Agency CRM password");
        var inbox = await browser.NewPageAsync();
        await inbox.OpenAsync($"{crm.MailSinkUrl}/?to={Uri.EscapeDataString(user.Email)}");
        await inbox.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "mail-sink.png") });
        await inbox.GetByRole(AriaRole.Link, new() { Name = "Reset your Agency CRM password" }).ClickAsync();
        var link = inbox.GetByRole(AriaRole.Link, new() { Name = mail.SetPasswordLink, Exact = true });
        (await link.GetAttributeAsync("href")).ShouldBe(mail.SetPasswordLink);
        await inbox.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "mail-sink-message.png"), FullPage = true });

        await page.OpenAsync(crm.OnGateway(mail.SetPasswordLink));
        await page.GetByLabel("New Password").FillAsync("Forgot2Crm!");
        await page.GetByLabel("Confirm Password").FillAsync("Forgot2Crm!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set Password" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Log In" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("Username").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync("Forgot2Crm!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();

        await page.StepAsync(crm, "The new password did not sign the user in.", () => page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync());
        // The link worked once: opened again, it is refused.
        var again = await browser.NewPageAsync();
        await again.OpenAsync(crm.OnGateway(mail.SetPasswordLink));
        await again.GetByLabel("New Password").FillAsync("Again2Crm!");
        await again.GetByLabel("Confirm Password").FillAsync("Again2Crm!");
        await again.GetByRole(AriaRole.Button, new() { Name = "Set Password" }).ClickAsync();
        await again.GetByText("This link is invalid or has expired.").WaitForAsync();
    }
}
