using Crm.Billing.Infrastructure;
using Crm.Billing.Model;
using Crm.Contracts.Sales;
using Crm.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.IntegrationEvents;

/// <summary>Keeps won_deals in step with Sales' Closed Won / Reopened events, once per message.</summary>
public sealed class WonDealConsumer(BillingDbContext db) : IConsumer<OpportunityClosedWon>, IConsumer<OpportunityReopened>
{
    private const string Name = "won-deals";

    public Task Consume(ConsumeContext<OpportunityClosedWon> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(OpportunityClosedWon), m.Opportunity.OpportunityId, async (deal, ct) =>
        {
            // A re-won deal keeps the lines its order was made from.
            var hasOrder = await db.Orders.AnyAsync(o => o.OpportunityId == deal.OpportunityId, ct);
            var lines = m.LineItems.Select(l => new WonLine(l.LineItemId, l.ProductId, l.ProductName, l.Quantity, l.SalePrice, l.IsRetainerProduct)).ToList();
            deal.Won(m.Opportunity.Version, m.Opportunity.Name, m.Opportunity.AccountId, m.AccountName, lines, hasOrder, m.OccurredAt, DateTime.UtcNow);
        });
    }

    public Task Consume(ConsumeContext<OpportunityReopened> context)
    {
        var m = context.Message;
        return ApplyAsync(context, nameof(OpportunityReopened), m.Opportunity.OpportunityId, (deal, _) =>
        {
            deal.Reopened(m.Opportunity.Version, m.Opportunity.Name, m.Opportunity.AccountId, DateTime.UtcNow);
            return Task.CompletedTask;
        });
    }

    private Task ApplyAsync(ConsumeContext context, string type, Guid opportunityId, Func<WonDeal, CancellationToken, Task> apply) =>
        Inbox.ApplyOnceAsync(db, context.MessageId ?? throw new InvalidOperationException("Message without id"), Name, type, async ct =>
        {
            // Row lock: Generate Order holds it too, so "no order yet" can't change under us.
            var deal = await db.WonDeals.FromSqlInterpolated($"SELECT * FROM won_deals WHERE opportunity_id = {opportunityId} FOR UPDATE")
                .SingleOrDefaultAsync(ct);
            if (deal is null)
            {
                // Two first events of one deal racing to insert: the loser hits the primary key and is retried.
                deal = WonDeal.New(opportunityId);
                db.WonDeals.Add(deal);
            }

            await apply(deal, ct);
        }, context.CancellationToken);
}
