using Crm.Identity.Infrastructure;
using Crm.Identity.Mail;
using Crm.Identity.Model;

namespace Crm.Identity.Services;

/// <summary>
/// Tells a user that how they sign in changed (their password, two-factor sign-in), so a change they did not make
/// does not go unnoticed. The mail joins the caller's unsaved changes: it is sent if, and only if, they are saved.
/// </summary>
public sealed class SecurityNotices(IdentityDbContext db, PasswordLinks links)
{
    public const string PasswordChanged = "Your password was changed";
    public const string TwoFactorOn = "Two-factor sign-in was turned on for your account";
    public const string TwoFactorOff = "Two-factor sign-in was turned off for your account";
    public const string TwoFactorReset = "An administrator turned off two-factor sign-in for your account";
    public const string RecoveryCodeUsed = "One of your two-factor recovery codes was used";

    /// <param name="change">What changed, as a sentence without its full stop: "Two-factor sign-in was turned on".</param>
    public void Queue(User user, string change, DateTime now) =>
        db.MailOutbox.Add(IdentityMails.SecurityNotice(user, change, links.ForgotPasswordUrl, now));
}
