using Crm.Identity.Model;

namespace Crm.Identity.Apis;

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

/// <summary><c>GET /auth/me</c>: the signed-in user and where they stand with two-factor sign-in.</summary>
public sealed record CurrentUserResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool TwoFactorEnabled,
    bool MfaEnrolmentRequired);
