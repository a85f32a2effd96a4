namespace Crm.Contracts.Billing;

/// <summary>A retainer contract as other services need it. Status and billing cycle are display strings; Status is the stored one (Active, Terminated).</summary>
public sealed record ContractSnapshot(
    Guid ContractId,
    string ContractNumber,
    Guid AccountId,
    Guid OpportunityId,
    DateOnly StartDate,
    DateOnly EndDate,
    string BillingCycle,
    decimal PricePerCycle,
    string Status,
    int Version);

/// <summary>A contract was generated from a won retainer deal.</summary>
public sealed record ContractCreated(ContractSnapshot Contract, Guid ChangedBy, DateTime OccurredAt);

/// <summary>The contract's end date, status or notes changed.</summary>
public sealed record ContractUpdated(ContractSnapshot Contract, Guid ChangedBy, DateTime OccurredAt);
