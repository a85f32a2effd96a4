using Crm.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>
/// Applies a message at most once per consumer: the inbox row and the handler's changes commit
/// together, so a redelivered message (broker retry, outbox re-publish) finds its row and is skipped.
/// </summary>
public static class Inbox
{
    /// <returns>true when the handler ran; false when the message had been applied before.</returns>
    public static async Task<bool> ApplyOnceAsync<TContext>(
        TContext db,
        Guid messageId,
        string consumer,
        string messageType,
        Func<CancellationToken, Task> handle,
        CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
        // A concurrent duplicate blocks on this row until the first commits, then inserts nothing.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, message_type, processed_at) VALUES ({messageId}, {consumer}, {messageType}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            return false;
        }

        await handle(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
