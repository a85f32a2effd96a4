using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Mail;

/// <summary>The mail server down: mail waits in Identity's outbox and is retried, and arrives once the server is back.</summary>
[Collection(DisruptiveCollection.Name)]
public sealed class MailOutageTests(CrmFixture fixture)
{
    [Fact]
    public async Task A_mail_written_while_the_mail_server_is_down_arrives_after_it_is_back()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var email = $"{Guid.NewGuid():N}@agency.test";

        await fixture.StopResourceAsync("mail");
        try
        {
            var created = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = "Olive", last_name = "Outage", email, role = "User" });
            created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
            // Tried and put back for later, not dropped.
            await Eventually.WaitForAsync(
                () => fixture.ScalarAsync<int>("identitydb", "SELECT attempts FROM mail_outbox WHERE to_address = @email AND sent_at IS NULL AND rejected_at IS NULL", new { email }),
                attempts => attempts >= 2,
                TimeSpan.FromSeconds(30),
                "the welcome mail to be tried twice while the mail server is down");
        }
        finally
        {
            await fixture.StartResourceAsync("mail");
        }

        // The longest back-off is a minute: the mail goes at the next attempt after the server is back.
        var mail = await fixture.WaitForMailAsync(email, "Welcome to Agency CRM", TimeSpan.FromSeconds(90));
        mail.SetPasswordLink.ShouldContain("/set-password?token=");
        (await fixture.ScalarAsync<DateTime?>("identitydb", "SELECT sent_at FROM mail_outbox WHERE to_address = @email", new { email })).ShouldNotBeNull();
    }
}
