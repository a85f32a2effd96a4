namespace Crm.Contracts.Identity;

/// <summary>A user's names, role or active flag changed; <see cref="Version"/> lets consumers ignore stale copies.</summary>
public sealed record UserUpdated(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsActive,
    int Version,
    DateTime OccurredAt);
