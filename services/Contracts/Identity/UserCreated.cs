namespace Crm.Contracts.Identity;

/// <summary>A user was created in Identity. Other services keep a local directory of users from it.</summary>
public sealed record UserCreated(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsActive,
    int Version,
    DateTime OccurredAt);
