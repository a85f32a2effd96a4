using Crm.Billing.Infrastructure;
using Crm.Billing.Model;
using Crm.Contracts.Sales;
using Crm.ServiceDefaults.Directory;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.IntegrationEvents;

/// <summary>
/// Rebuilds won_deals from Sales' opportunities (<c>./crm events reconcile</c>), as <see cref="WonDealConsumer"/>
/// would from their events: a won deal missing here is added (so its order can be generated), one reopened
/// since is closed for ordering, and an older copy is brought up to date. Deals never won are not copied.
/// </summary>
public sealed class WonDealReconciler() : DirectoryReconciler<BillingDbContext, DealSnapshot, WonDeal>(DirectorySource.WonDeals)
{
    private const string ClosedWon = "Closed Won";

    protected override async Task<Dictionary<Guid, WonDeal>> LoadAsync(BillingDbContext db, IReadOnlyList<DealSnapshot> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(IdOf).ToArray();
        // Row locks, as the consumer and Generate Order take them: "no order yet" cannot change under us.
        return await db.WonDeals.FromSqlInterpolated($"SELECT * FROM won_deals WHERE opportunity_id = ANY({ids}) FOR UPDATE")
            .ToDictionaryAsync(d => d.OpportunityId, cancellationToken);
    }

    protected override Guid IdOf(DealSnapshot snapshot) => snapshot.Opportunity.OpportunityId;

    protected override bool Belongs(DealSnapshot snapshot) => snapshot.Opportunity.Stage == ClosedWon;

    protected override WonDeal Create(DealSnapshot snapshot) => WonDeal.New(snapshot.Opportunity.OpportunityId);

    protected override async Task<bool> ApplyAsync(BillingDbContext db, WonDeal deal, DealSnapshot snapshot, DateTime now, CancellationToken cancellationToken)
    {
        var o = snapshot.Opportunity;
        if (o.Stage != ClosedWon)
        {
            return deal.Reopened(o.Version, o.Name, o.AccountId, now);
        }

        var hasOrder = await db.Orders.AnyAsync(x => x.OpportunityId == o.OpportunityId, cancellationToken);
        var lines = snapshot.LineItems.Select(l => new WonLine(l.LineItemId, l.ProductId, l.ProductName, l.Quantity, l.SalePrice, l.IsRetainerProduct)).ToList();
        // The time of the win is the event's; a copy that has one keeps it.
        var closedAt = deal.ClosedAt == default ? snapshot.UpdatedAt : deal.ClosedAt;
        return deal.Won(o.Version, o.Name, o.AccountId, snapshot.AccountName, lines, hasOrder, closedAt, now);
    }
}
