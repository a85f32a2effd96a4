using Crm.Identity.Model;

namespace Crm.Identity.Apis;

/// <summary>With two factors on: <c>otp</c> (the authenticator's 6 digits) or <c>recovery_code</c>, not both.</summary>
public sealed record LoginRequest(string? Email, string? Password, bool? RememberMe, string? Otp = null, string? RecoveryCode = null);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SetPasswordRequest(string? Token, string? NewPassword);

public sealed record UserSummary(Guid Id, string Email, string FirstName, string LastName, string Role)
{
    public static UserSummary From(User u) => new(u.Id, u.Email, u.FirstName, u.LastName, u.Role);
}

/// <summary>
/// Login and refresh answer. <c>mfa_enrolment_required</c>: the session may only enrol in two-factor sign-in
/// (its token is refused with 403 everywhere else) until the user turns it on. The gateway keeps <c>refresh_token</c> server-side for browser sessions
/// and strips it from what the browser sees.
/// </summary>
public sealed record TokenResponse(
    string Token,
    DateTime ExpiresAt,
    string RefreshToken,
    DateTime RefreshExpiresAt,
    bool RememberMe,
    UserSummary User,
    bool MfaEnrolmentRequired = false);

/// <summary><c>GET /auth/me</c>: the signed-in user and where they stand with two-factor sign-in.</summary>
public sealed record CurrentUserResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool TwoFactorEnabled,
    bool MfaEnrolmentRequired);
