using Crm.Identity.Model;

namespace Crm.Identity.Services;

public enum SignInStatus
{
    /// <summary>Password and (when on) second factor right: a full session.</summary>
    Succeeded,

    /// <summary>Unknown e-mail, wrong password, locked or inactive: the one generic answer.</summary>
    InvalidCredentials,

    /// <summary>The password is right and the user has two factors on, but no code came with it.</summary>
    TwoFactorRequired,

    /// <summary>The password is right; the code or recovery code is wrong, expired or used before.</summary>
    InvalidSecondFactor,

    /// <summary>The password is right; an admin requires two factors and the user has none yet: a session that may only enrol.</summary>
    EnrolmentRequired,
}

/// <summary>What <see cref="SignInCheck"/> decided; <see cref="User"/> is set when a session is to start.</summary>
public sealed record SignInResult(SignInStatus Status, User? User = null)
{
    public static readonly SignInResult InvalidCredentials = new(SignInStatus.InvalidCredentials);
    public static readonly SignInResult TwoFactorRequired = new(SignInStatus.TwoFactorRequired);
    public static readonly SignInResult InvalidSecondFactor = new(SignInStatus.InvalidSecondFactor);
}
