namespace Crm.Contracts.Sales;

/// <summary>The opportunity as other services need it. Stage is the display string ("Closed Won").</summary>
public sealed record OpportunitySnapshot(
    Guid OpportunityId,
    string Name,
    Guid AccountId,
    Guid OwnerId,
    string Stage,
    decimal Amount,
    DateOnly? CloseDate,
    int Version);

public sealed record OpportunityCreated(OpportunitySnapshot Opportunity, Guid ChangedBy, DateTime OccurredAt);

public sealed record OpportunityUpdated(OpportunitySnapshot Opportunity, Guid ChangedBy, DateTime OccurredAt);

/// <summary>One product of a won deal, as sold: what Billing copies into order lines.</summary>
public sealed record WonLineItem(
    Guid LineItemId,
    Guid ProductId,
    string ProductName,
    int Quantity,
    decimal SalePrice,
    bool IsRetainerProduct);

/// <summary>The deal was won: Billing stores it, with this snapshot of its lines, to generate an order or contract.</summary>
public sealed record OpportunityClosedWon(
    OpportunitySnapshot Opportunity,
    string AccountName,
    IReadOnlyList<WonLineItem> LineItems,
    Guid ChangedBy,
    DateTime OccurredAt);

/// <summary>A won deal was moved back to another stage: the snapshot Billing holds is no longer a won deal.</summary>
public sealed record OpportunityReopened(
    OpportunitySnapshot Opportunity,
    Guid ChangedBy,
    DateTime OccurredAt);
