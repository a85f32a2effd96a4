namespace Crm.Identity.Mail;

/// <summary>The kinds of mail Identity sends (<see cref="OutgoingMail.Kind"/>).</summary>
public static class MailKinds
{
    /// <summary>A new user's (or an admin's new) set-password link.</summary>
    public const string Welcome = "welcome";

    /// <summary>"Forgot password?": a one-hour reset link.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>A change to how the user signs in (password, two-factor), told to them in case it was not them.</summary>
    public const string SecurityNotice = "security_notice";
}
