using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Services;

public enum GenerateOutcome
{
    Created,
    UnknownDeal,
    AlreadyOrdered,
    Refused,
}

public sealed record GenerateResult(GenerateOutcome Outcome, Order? Order = null, string? Reason = null);

/// <summary>
/// Turns a won deal into an order with its lines, in one transaction, once per opportunity: the won
/// deal's row lock queues concurrent calls, and the unique index on orders.opportunity_id backs it up.
/// </summary>
public sealed class OrderGenerator(BillingDbContext db)
{
    /// <param name="checkpoint">Called after each step (tests use it to fail in the middle).</param>
    public async Task<GenerateResult> GenerateAsync(Guid opportunityId, Guid by, DateTime now, Action<string> checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
            var deal = await db.WonDeals.FromSqlInterpolated($"SELECT * FROM won_deals WHERE opportunity_id = {opportunityId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (deal is null)
            {
                return new GenerateResult(GenerateOutcome.UnknownDeal);
            }

            if (await ExistingAsync(opportunityId, cancellationToken) is { } existing)
            {
                return new GenerateResult(GenerateOutcome.AlreadyOrdered, existing);
            }

            if (Order.CannotGenerateFrom(deal) is { } reason)
            {
                return new GenerateResult(GenerateOutcome.Refused, Reason: reason);
            }

            var number = (await db.Database.SqlQuery<long>($"SELECT nextval('order_number_seq') AS \"Value\"").ToListAsync(cancellationToken)).Single();
            var order = Order.Generate(deal, number, DateOnly.FromDateTime(now), by, now);
            db.Orders.Add(order);
            db.AddIntegrationEvent(OrderEvents.Created(order, now));
            await db.SaveChangesAsync(cancellationToken);
            checkpoint("order");

            await transaction.CommitAsync(cancellationToken);
            return new GenerateResult(GenerateOutcome.Created, order);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // A race the row lock should have prevented: answer with the winner's order if there is one.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(opportunityId, cancellationToken) is { } winner)
            {
                return new GenerateResult(GenerateOutcome.AlreadyOrdered, winner);
            }

            throw;
        }
    }

    private Task<Order?> ExistingAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.OpportunityId == opportunityId, cancellationToken);
}
