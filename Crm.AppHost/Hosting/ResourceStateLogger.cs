using Microsoft.Extensions.Logging;

namespace Crm.AppHost.Hosting;

/// <summary>One console line per state or health change of a resource: what a terminal without the dashboard shows.</summary>
public sealed class ResourceStateLogger(ResourceNotificationService notifications, ILogger<ResourceStateLogger> logger) : IResourceWatcher
{
    private readonly DateTime _started = DateTime.UtcNow;

    public async Task WatchAsync(CancellationToken stoppingToken)
    {
        var last = new Dictionary<string, string>();
        try
        {
            await foreach (var e in notifications.WatchAsync(stoppingToken))
            {
                var state = $"{e.Snapshot.State?.Text ?? "-"}/{e.Snapshot.HealthStatus?.ToString() ?? "-"}";
                if (last.TryGetValue(e.ResourceId, out var previous) && previous == state)
                {
                    continue;
                }

                last[e.ResourceId] = state;
                logger.LogInformation("+{Elapsed:F1}s {Resource} {State}", (DateTime.UtcNow - _started).TotalSeconds, e.Resource.Name, state);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost stops
        }
    }
}
