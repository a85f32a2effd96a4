using Crm.Billing.Apis;
using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Messaging;

namespace Crm.Billing.Services;

/// <summary>Keeps an order's status in step with its payments, inside the transaction that changed them.</summary>
public sealed class OrderLedger(BillingDbContext db, OrderQueries queries)
{
    /// <summary>
    /// After a payment change was saved (in the transaction that holds the order's row lock): recomputes
    /// the status from the sums as the database now holds them, and queues the event if it moved.
    /// </summary>
    public async Task RecomputeAsync(Order order, Guid by, DateTime now, CancellationToken cancellationToken)
    {
        var (total, paid) = await queries.SumsAsync(order.Id, cancellationToken);
        var before = order.Status;
        if (order.Recompute(total, paid, by, now))
        {
            db.AddIntegrationEvent(OrderEvents.StatusChanged(order, before, total, now));
        }
    }

    /// <summary>
    /// Overpayment is refused: a change that makes a payment count for more may not bring the paid
    /// amount above the order's total. Lowering or voiding is always allowed.
    /// </summary>
    public async Task<string?> OverpaymentAsync(Guid orderId, decimal countedBefore, decimal countedAfter, CancellationToken cancellationToken)
    {
        if (countedAfter <= countedBefore)
        {
            return null;
        }

        var (total, paid) = await queries.SumsAsync(orderId, cancellationToken);
        // What is still due without this payment's current contribution.
        var available = total - paid + countedBefore;
        return countedAfter > available
            ? $"Amount is more than the balance due ({available.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})."
            : null;
    }
}
