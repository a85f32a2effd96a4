namespace Crm.Contracts.Billing;

/// <summary>The order as other services need it (Activities links to orders). Status is the display string ("Awaiting Payment").</summary>
public sealed record OrderSnapshot(
    Guid OrderId,
    string OrderNumber,
    Guid AccountId,
    Guid OpportunityId,
    DateOnly OrderDate,
    string Status,
    decimal Total,
    int Version);

/// <summary>An order was generated from a won deal.</summary>
public sealed record OrderCreated(OrderSnapshot Order, Guid ChangedBy, DateTime OccurredAt);

/// <summary>The order's status changed: set by a person (Fulfilled, Cancelled) or recomputed from its payments.</summary>
public sealed record OrderStatusChanged(OrderSnapshot Order, string PreviousStatus, Guid ChangedBy, DateTime OccurredAt);
