using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>Deletes keys past their retention every hour (a claim takes an expired key over anyway; this keeps the table small).</summary>
public sealed class IdempotencyKeyCleanup<TContext>(IServiceScopeFactory scopes, ILogger<IdempotencyKeyCleanup<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var removed = await IdempotencyStore.DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<TContext>(), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired idempotency keys", removed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Removing expired idempotency keys failed; will retry");
            }
        }
    }
}
