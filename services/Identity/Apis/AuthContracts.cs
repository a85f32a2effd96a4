using Crm.Identity.Model;

namespace Crm.Identity.Apis;

public sealed record LoginRequest(string? Email, string? Password, bool? RememberMe);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SetPasswordRequest(string? Token, string? NewPassword);

public sealed record ForgotPasswordRequest(string? Email);

/// <summary>The one answer to "Forgot password?", whether the address is known or not.</summary>
public sealed record ForgotPasswordResponse(string Message)
{
    public static readonly ForgotPasswordResponse Sent =
        new("If that address is in our records, we've sent a link to reset your password. Check your email.");
}

public sealed record UserSummary(Guid Id, string Email, string FirstName, string LastName, string Role)
{
    public static UserSummary From(User u) => new(u.Id, u.Email, u.FirstName, u.LastName, u.Role);
}

/// <summary>
/// Login and refresh answer. The gateway keeps <c>refresh_token</c> server-side for browser sessions
/// and strips it from what the browser sees.
/// </summary>
public sealed record TokenResponse(
    string Token,
    DateTime ExpiresAt,
    string RefreshToken,
    DateTime RefreshExpiresAt,
    bool RememberMe,
    UserSummary User);
