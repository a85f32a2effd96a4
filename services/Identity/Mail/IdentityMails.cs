using System.Globalization;
using System.Net;
using Crm.Identity.Model;

namespace Crm.Identity.Mail;

/// <summary>
/// The mails Identity writes, each a plain-text part (what every client shows) and a simple HTML part with the same
/// words. Times are UTC, said so: the service does not know the reader's time zone.
/// </summary>
public static class IdentityMails
{
    public const string ProductName = "Agency CRM";

    public static OutgoingMail Welcome(User user, string setPasswordUrl, DateTime expiresAt, DateTime now) => Build(
        MailKinds.Welcome,
        user,
        $"Welcome to {ProductName}: set your password",
        [
            $"An account has been created for you in {ProductName}. Your username is {user.Email}.",
            "Set your password to sign in:",
        ],
        (setPasswordUrl, "Set Password"),
        [$"This link works once and expires on {When(expiresAt)}. If it has expired, ask your administrator for a new one."],
        now);

    /// <param name="byAdmin">An admin sent the link (a new one for a user who had a password), not the user's own request.</param>
    public static OutgoingMail PasswordReset(User user, string setPasswordUrl, DateTime expiresAt, bool byAdmin, DateTime now) => Build(
        MailKinds.PasswordReset,
        user,
        $"Reset your {ProductName} password",
        [
            byAdmin
                ? $"Your administrator sent you a link to set a new password for your {ProductName} account ({user.Email})."
                : $"We received a request to reset the password for your {ProductName} account ({user.Email}).",
            "Reset your password:",
        ],
        (setPasswordUrl, "Reset Password"),
        [
            $"This link works once and expires on {When(expiresAt)}.",
            byAdmin ? "Your current password keeps working until you set a new one." : "If you didn't ask for this, ignore this email: your password stays as it is.",
        ],
        now);

    /// <param name="change">What changed, as a sentence without its full stop: "Your password was changed".</param>
    public static OutgoingMail SecurityNotice(User user, string change, string forgotPasswordUrl, DateTime now) => Build(
        MailKinds.SecurityNotice,
        user,
        $"Security notice: {change}",
        [$"{change} for your {ProductName} account ({user.Email}) on {When(now)}.", "If this was you, there's nothing more to do."],
        null,
        [$"If it wasn't you, reset your password now at {forgotPasswordUrl} and tell your administrator."],
        now);

    private static OutgoingMail Build(
        string kind, User user, string subject, string[] before, (string Url, string Label)? action, string[] after, DateTime now)
    {
        var greeting = $"Hi {user.FirstName},";
        List<string> paragraphs = [greeting, .. before];
        if (action is { } a)
        {
            paragraphs.Add(a.Url);
        }

        var text = string.Join("\n\n", [.. paragraphs, .. after, ProductName]) + "\n";

        var html = new System.Text.StringBuilder();
        html.Append("<!doctype html><html><body style=\"margin:0;padding:24px;background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#181818\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e5e5;border-radius:4px;padding:24px\">")
            .Append("<p style=\"font-size:18px;color:#0176d3;margin:0 0 16px\">").Append(E(ProductName)).Append("</p>")
            .Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var line in before)
        {
            html.Append("<p>").Append(E(line)).Append("</p>");
        }

        if (action is { } link)
        {
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(E(link.Url))
                .Append("\" style=\"background:#0176d3;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block\">")
                .Append(E(link.Label)).Append("</a></p><p style=\"color:#706e6b;font-size:12px\">Or open this link: ")
                .Append(E(link.Url)).Append("</p>");
        }

        foreach (var line in after)
        {
            html.Append("<p>").Append(E(line)).Append("</p>");
        }

        html.Append("</div></body></html>");
        return OutgoingMail.Create(kind, user.Id, user.Email, $"{user.FirstName} {user.LastName}".Trim(), subject, text, html.ToString(), now);
    }

    private static string When(DateTime utc) => utc.ToString("yyyy-MM-dd 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
