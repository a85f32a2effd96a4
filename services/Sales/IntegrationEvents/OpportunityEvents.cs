using Crm.Contracts.Sales;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.IntegrationEvents;

public static class OpportunityEvents
{
    public static OpportunitySnapshot Snapshot(Opportunity o) =>
        new(o.Id, o.Name, o.AccountId, o.OwnerId, EnumNames.Display(o.Stage), o.Amount, o.CloseDate, o.Version);

    public static OpportunityCreated Created(Opportunity o, DateTime now) => new(Snapshot(o), o.CreatedBy, now);

    public static OpportunityUpdated Updated(Opportunity o, DateTime now) => new(Snapshot(o), o.UpdatedBy, now);

    public static OpportunityClosedWon ClosedWon(Opportunity o, string accountName, IReadOnlyDictionary<Guid, Product> products, DateTime now) =>
        new(Snapshot(o), accountName, WonLines(o, products), o.UpdatedBy, now);

    /// <summary>The deal as Billing's won deals copy it: with its lines while it stands Closed Won, as ClosedWon carries them.</summary>
    public static DealSnapshot Deal(Opportunity o, string accountName, IReadOnlyDictionary<Guid, Product> products) =>
        o.Stage == OpportunityStage.ClosedWon
            ? new(Snapshot(o), accountName, WonLines(o, products), o.UpdatedAt)
            : new(Snapshot(o), "", [], o.UpdatedAt);

    // In the order they were added (the order a query loads them in is not defined), as the deal page lists them.
    private static List<WonLineItem> WonLines(Opportunity o, IReadOnlyDictionary<Guid, Product> products) =>
        o.LineItems.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Select(l => new WonLineItem(l.Id, l.ProductId, products[l.ProductId].Name, l.Quantity, l.SalePrice, products[l.ProductId].IsRetainerProduct)).ToList();

    public static OpportunityReopened Reopened(Opportunity o, DateTime now) => new(Snapshot(o), o.UpdatedBy, now);
}
