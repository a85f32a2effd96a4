using Crm.Identity.Model;

namespace Crm.Identity.Apis;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SetPasswordRequest(string? Token, string? NewPassword);

public sealed record UserSummary(Guid Id, string Email, string FirstName, string LastName, string Role)
{
    public static UserSummary From(User u) => new(u.Id, u.Email, u.FirstName, u.LastName, u.Role);
}
