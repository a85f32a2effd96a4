using System.Diagnostics;
using System.Net;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Mail;

/// <summary>
/// Identity's mail end to end: the change commits its mail in identitydb, the dispatcher sends it over SMTP to the
/// AppHost's mail sink, and the test reads it there and follows its link as the recipient would.
/// </summary>
public sealed class MailTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    private const string ForgotPassword = "/api/v1/auth/forgot-password";
    private const string Confirmation = "If that address is in our records, we've sent a link to reset your password. Check your email.";

    [Fact]
    public async Task Admin_creates_a_user_and_the_welcome_mail_link_sets_the_password()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var email = $"{Guid.NewGuid():N}@agency.test";
        var created = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = "Wendy", last_name = "Welcome", email, role = "User" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The admin still sees the link, for when mail is slow.
        var shownToAdmin = (await created.ReadJsonAsync()).Str("set_password_url");

        var mail = await fixture.WaitForMailAsync(email, "Welcome to Agency CRM");

        mail.To.ShouldBe([email]);
        mail.From.ShouldContain("no-reply@crm.local");
        mail.Text.ShouldStartWith("Hi Wendy,");
        mail.Text.ShouldContain($"Your username is {email}.");
        mail.SetPasswordLink.ShouldBe(shownToAdmin);
        mail.Html.ShouldNotBeNull().ShouldContain("Set Password");
        await TestUsers.SetPasswordAsync(fixture, fixture.OnGateway(mail.SetPasswordLink), "Mailed2Crm!");
        (await TestUsers.LoginTokenAsync(fixture.CreateClient(), email, "Mailed2Crm!")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Forgot_password_mails_a_one_hour_link_that_works_once_and_retires_the_old_password()
    {
        var user = await TestUsers.CreateAsync(fixture);

        var answer = await fixture.CreateClient().PostJsonAsync(ForgotPassword, new { email = user.Email.ToUpperInvariant() });

        answer.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await answer.ReadJsonAsync()).Str("message").ShouldBe(Confirmation);
        var mail = await fixture.WaitForMailAsync(user.Email, "Reset your Agency CRM password");
        mail.Text.ShouldContain("We received a request to reset the password");
        var lifetime = await fixture.ScalarAsync<decimal>(
            "identitydb", "SELECT extract(epoch FROM expires_at - created_at) FROM password_tokens WHERE user_id = @id AND purpose = 'Reset'", new { id = user.Id });
        lifetime.ShouldBe(3600m);

        var token = TestUsers.TokenFrom(mail.SetPasswordLink);
        var first = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/set-password", new { token, new_password = "Reset2Crm!" });
        var again = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/set-password", new { token, new_password = "Again2Crm!" });

        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadJsonAsync()).ErrorsFor("token").ShouldBe(["This link is invalid or has expired."]);
        var identity = fixture.CreateClient();
        (await identity.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TestUsers.LoginTokenAsync(identity, user.Email, "Reset2Crm!")).ShouldNotBeNullOrEmpty();
        // The session that used the old password is over.
        (await fixture.CreateClient().WithBearer(user.Token).GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await fixture.WaitForMailAsync(user.Email, "Security notice: Your password was changed");
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_and_inactive_addresses_and_mails_them_nothing()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var inactive = await TestUsers.CreateAsync(fixture);
        var version = (await TestUsers.GetUserAsync(fixture, inactive.Id)).Int("version");
        (await admin.PutJsonAsync($"/api/v1/admin/users/{inactive.Id}", new { is_active = false, version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var active = await TestUsers.CreateAsync(fixture);
        var unknown = $"nobody-{Guid.NewGuid():N}@agency.test";

        var answers = new List<(HttpStatusCode Status, string Body, TimeSpan Took)>();
        foreach (var email in new[] { unknown, inactive.Email, active.Email })
        {
            var clock = Stopwatch.StartNew();
            var response = await fixture.CreateClient().PostJsonAsync(ForgotPassword, new { email });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), clock.Elapsed));
        }

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Accepted);
        answers.Select(a => a.Body).Distinct().ShouldHaveSingleItem().ShouldContain("we've sent a link");
        // No answer comes sooner than the floor that hides how much work a known address took.
        answers.ShouldAllBe(a => a.Took >= TimeSpan.FromMilliseconds(290));
        // The active user's mail, asked for last, has arrived: the others' would have been sent by then.
        await fixture.WaitForMailAsync(active.Email, "Reset your Agency CRM password");
        (await fixture.MessagesToAsync(unknown)).ShouldBeEmpty();
        (await fixture.MessagesToAsync(inactive.Email)).ShouldNotContain(m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        (await fixture.ScalarAsync<long>("identitydb", "SELECT count(*) FROM mail_outbox WHERE to_address = @unknown", new { unknown })).ShouldBe(0);
    }

    [Theory]
    [InlineData("{}", "Email is required.")]
    [InlineData("""{"email":"not-an-address"}""", null)]
    public async Task Forgot_password_without_a_usable_address_is_a_400_on_the_field(string body, string? message)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await fixture.CreateClient().PostAsync(ForgotPassword, content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).ErrorsFor("email");
        errors.ShouldNotBeEmpty();
        if (message is not null)
        {
            errors.ShouldBe([message]);
        }
    }

    [Fact]
    public async Task Changing_the_password_mails_a_security_notice()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.ServiceClient("identity").WithBearer(user.Token);

        var changed = await client.PostJsonAsync("/api/v1/auth/change-password", new { current_password = user.Password, new_password = "Changed2Crm!" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var notice = await fixture.WaitForMailAsync(user.Email, "Security notice: Your password was changed");
        notice.Text.ShouldContain($"Your password was changed for your Agency CRM account ({user.Email})");
        notice.Links.ShouldContain(fixture.GatewayUrl + "/forgot-password");
        // A sent mail's body no longer sits in the database (a reset mail's link is a credential).
        var stored = await fixture.ScalarAsync<string>(
            "identitydb", "SELECT text_body FROM mail_outbox WHERE user_id = @id AND kind = 'security_notice' AND sent_at IS NOT NULL", new { id = user.Id });
        stored.ShouldBe("(removed once sent)");
    }
}
