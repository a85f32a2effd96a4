namespace Crm.Contracts.Sales;

/// <summary>The contact as other services need it (the "Name" of an activity, a case's contact).</summary>
public sealed record ContactSnapshot(
    Guid ContactId,
    string Name,
    Guid AccountId,
    Guid OwnerId,
    bool IsActive,
    int Version);

public sealed record ContactCreated(ContactSnapshot Contact, Guid ChangedBy, DateTime OccurredAt);

public sealed record ContactUpdated(ContactSnapshot Contact, Guid ChangedBy, DateTime OccurredAt);

public sealed record ContactDeactivated(ContactSnapshot Contact, Guid ChangedBy, DateTime OccurredAt);
