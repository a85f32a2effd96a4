namespace Crm.Contracts.Sales;

/// <summary>The lead as other services need it (the "Name" of an activity).</summary>
public sealed record LeadSnapshot(
    Guid LeadId,
    string Name,
    string Company,
    string Status,
    Guid OwnerId,
    int Version);

public sealed record LeadCreated(LeadSnapshot Lead, Guid ChangedBy, DateTime OccurredAt);

public sealed record LeadUpdated(LeadSnapshot Lead, Guid ChangedBy, DateTime OccurredAt);

/// <summary>The lead became an account, a contact and an opportunity, in one transaction.</summary>
public sealed record LeadConverted(
    LeadSnapshot Lead,
    Guid AccountId,
    Guid ContactId,
    Guid OpportunityId,
    bool AccountCreated,
    Guid ChangedBy,
    DateTime OccurredAt);
