namespace Crm.Contracts.Sales;

/// <summary>
/// An opportunity as Billing's won deals copy it, read from Sales' directory source rather than an event:
/// the lines and account name are given while it stands Closed Won (empty otherwise). UpdatedAt is the
/// last change, standing in for the time of the win an event would carry.
/// </summary>
public sealed record DealSnapshot(
    OpportunitySnapshot Opportunity,
    string AccountName,
    IReadOnlyList<WonLineItem> LineItems,
    DateTime UpdatedAt);
