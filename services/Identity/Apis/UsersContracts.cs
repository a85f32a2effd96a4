using Crm.Identity.Model;

namespace Crm.Identity.Apis;

public sealed record CreateUserRequest(string? FirstName, string? LastName, string? Email, string? Role);

public sealed record UpdateUserRequest(string? FirstName, string? LastName, string? Role, bool? IsActive, int? Version);

public sealed record UserResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsActive,
    DateTime? LastLoginAt,
    int Version,
    DateTime CreatedAt,
    Guid? CreatedBy,
    DateTime UpdatedAt,
    Guid? UpdatedBy)
{
    public static UserResponse From(User u) =>
        new(u.Id, u.Email, u.FirstName, u.LastName, u.Role, u.IsActive, u.LastLoginAt, u.Version, u.CreatedAt, u.CreatedBy, u.UpdatedAt, u.UpdatedBy);
}

/// <summary>The created user plus the one-time link the admin hands over.</summary>
public sealed record CreatedUserResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string SetPasswordUrl,
    DateTime SetPasswordExpiresAt);

public sealed record SetPasswordLinkResponse(string SetPasswordUrl, DateTime ExpiresAt);
