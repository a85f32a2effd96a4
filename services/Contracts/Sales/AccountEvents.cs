namespace Crm.Contracts.Sales;

/// <summary>
/// The account as other services need to know it (names in Billing, "Related To" in Activities).
/// Every account event carries the whole snapshot, so a consumer never depends on having seen the previous one.
/// </summary>
public sealed record AccountSnapshot(
    Guid AccountId,
    string Name,
    string? Type,
    Guid OwnerId,
    Guid? ParentAccountId,
    bool IsActive,
    int Version);

public sealed record AccountCreated(AccountSnapshot Account, Guid ChangedBy, DateTime OccurredAt);

public sealed record AccountUpdated(AccountSnapshot Account, Guid ChangedBy, DateTime OccurredAt);

public sealed record AccountDeactivated(AccountSnapshot Account, Guid ChangedBy, DateTime OccurredAt);
