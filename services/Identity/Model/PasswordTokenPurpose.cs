namespace Crm.Identity.Model;

/// <summary>Why a set-password link was issued; it decides how long the link works.</summary>
public enum PasswordTokenPurpose
{
    /// <summary>An admin created the user or sent a new link: 72 hours, time to get to it.</summary>
    Invite,

    /// <summary>"Forgot password?": one hour, as the mail says; anyone can ask for one, so it must not linger.</summary>
    Reset,
}
