namespace Crm.Contracts.Identity;

/// <summary>A user as other services copy it: what UserCreated / UserUpdated carry, without the event's time.</summary>
public sealed record UserSnapshot(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsActive,
    int Version);
