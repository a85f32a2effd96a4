using Crm.Contracts.Billing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>
/// Keeps the Order entries of directory_records in step with Billing's order events, once per message.
/// An order is named by its number; orders are never deleted, so every one stays linkable.
/// </summary>
public sealed class OrderDirectoryConsumer<TContext>(TContext db) : RecordDirectoryConsumer<TContext>(db, "order-directory"),
    IConsumer<OrderCreated>, IConsumer<OrderStatusChanged>
    where TContext : DbContext
{
    public Task Consume(ConsumeContext<OrderCreated> context) => ApplyAsync(context, nameof(OrderCreated), Entry(context.Message.Order));

    public Task Consume(ConsumeContext<OrderStatusChanged> context) => ApplyAsync(context, nameof(OrderStatusChanged), Entry(context.Message.Order));

    public static DirectoryEntry Entry(OrderSnapshot o) =>
        new(RecordTypes.Order, o.OrderId, o.OrderNumber, o.AccountId, null, true, o.Version, o.OrderNumber);
}
