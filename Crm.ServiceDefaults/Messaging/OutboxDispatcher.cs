using System.Text.Json;
using Crm.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>
/// Publishes saved outbox rows in order. Rows are claimed with FOR UPDATE SKIP LOCKED so replicas
/// share the work without publishing a row twice; a failed publish is retried with back-off.
/// The outbox row id is the message id, which is what consumers' inboxes de-duplicate on.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; will retry");
            }

            if (published < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw("""
                SELECT * FROM outbox_messages
                WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                ORDER BY id
                LIMIT 50
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var row in batch)
        {
            try
            {
                var type = IntegrationEventTypes.Resolve(row.MessageType)
                    ?? throw new InvalidOperationException($"Unknown integration event type {row.MessageType}");
                var message = JsonSerializer.Deserialize(row.Payload, type, OutboxModel.PayloadOptions)!;
                // MassTransit's send span is a child of this one, and carries it to the consumers.
                using var activity = OutboxDispatcherTelemetry.StartPublish(row);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, timeout.Token);
                row.MarkDispatched(DateTime.UtcNow);
                published++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Publishing {MessageType} {MessageId} failed", row.MessageType, row.MessageId);
                row.MarkFailed(ex.Message, DateTime.UtcNow);
                // Keep order: later events wait for this one.
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }
}
