using Crm.Identity.Mail;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Auth;
using MimeKit;
using Shouldly;

namespace Crm.UnitTests.Identity;

public sealed class MailOutboxTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly User Ada = User.Create("ada@agency.test", "Ada", "Lovelace", Roles.User, null, Now);

    [Fact]
    public void A_mail_that_cannot_be_sent_is_tried_again_later_and_later_but_at_least_once_a_minute()
    {
        var mail = IdentityMails.Welcome(Ada, "http://crm.test/set-password?token=t", Now.AddHours(72), Now);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            mail.RecordFailure("Connection refused", Now);
            delays.Add(mail.NextAttemptAt!.Value - Now);
        }

        delays.Take(6).ShouldBe(new[] { 2, 4, 8, 16, 32, 60 }.Select(s => TimeSpan.FromSeconds(s)));
        delays.Skip(6).ShouldAllBe(d => d == TimeSpan.FromMinutes(1));
        mail.Attempts.ShouldBe(10);
        mail.IsPending.ShouldBeTrue();
        mail.LastError.ShouldBe("Connection refused");
    }

    [Fact]
    public void A_sent_mail_keeps_no_copy_of_its_link()
    {
        var mail = IdentityMails.PasswordReset(Ada, "http://crm.test/set-password?token=secret", Now.AddHours(1), byAdmin: false, Now);
        mail.TextBody.ShouldContain("token=secret");

        mail.MarkSent(Now);

        mail.IsPending.ShouldBeFalse();
        mail.TextBody.ShouldBe(OutgoingMail.ScrubbedBody);
        mail.HtmlBody.ShouldBeNull();
        mail.NextAttemptAt.ShouldBeNull();
    }

    [Fact]
    public void A_mail_the_server_refuses_for_good_is_kept_as_rejected_and_not_tried_again()
    {
        var mail = IdentityMails.SecurityNotice(Ada, "Your password was changed", "http://crm.test/forgot-password", Now);

        mail.Reject("550 No such user", Now);

        mail.IsPending.ShouldBeFalse();
        mail.RejectedAt.ShouldBe(Now);
        mail.LastError.ShouldBe("550 No such user");
    }

    [Fact]
    public void The_welcome_mail_carries_the_link_in_both_parts_and_escapes_names_in_html()
    {
        var evil = User.Create("eve@agency.test", "<b>Eve</b>", "Smith", Roles.User, null, Now);
        const string link = "http://crm.test/set-password?token=a-b_c&x=1";

        var mail = IdentityMails.Welcome(evil, link, Now.AddHours(72), Now);
        var message = mail.ToMimeMessage(MailboxAddress.Parse("Agency CRM <no-reply@crm.local>"));

        mail.Kind.ShouldBe(MailKinds.Welcome);
        message.Subject.ShouldBe("Welcome to Agency CRM: set your password");
        message.To.Mailboxes.Single().Address.ShouldBe("eve@agency.test");
        message.MessageId.ShouldBe($"{mail.MessageId:N}@crm");
        var text = message.TextBody.ShouldNotBeNull();
        var html = message.HtmlBody.ShouldNotBeNull();
        text.ShouldContain(link, Case.Sensitive);
        text.ShouldContain("expires on 2026-11-24 at 12:00 UTC", Case.Sensitive);
        html.ShouldContain("href=\"http://crm.test/set-password?token=a-b_c&amp;x=1\"", Case.Sensitive);
        html.ShouldContain("&lt;b&gt;Eve&lt;/b&gt;", Case.Sensitive);
        html.ShouldNotContain("<b>Eve</b>");
    }

    [Fact]
    public void A_security_notice_says_what_changed_and_where_to_reset_the_password()
    {
        var mail = IdentityMails.SecurityNotice(Ada, "Two-factor sign-in was turned on", "http://crm.test/forgot-password", Now);

        mail.Kind.ShouldBe(MailKinds.SecurityNotice);
        mail.Subject.ShouldBe("Security notice: Two-factor sign-in was turned on");
        mail.TextBody.ShouldContain("Two-factor sign-in was turned on for your Agency CRM account (ada@agency.test) on 2026-11-21 at 12:00 UTC.");
        mail.TextBody.ShouldContain("http://crm.test/forgot-password");
        mail.UserId.ShouldBe(Ada.Id);
    }
}
