using Crm.Gateway.LoadBalancing;

namespace Crm.Gateway.HealthChecks;

/// <summary>Probes every destination of every cluster with active checks enabled, each on its own interval.</summary>
public sealed class ActiveHealthCheckService(
    ClusterRegistry clusters,
    DestinationProber prober,
    ILogger<ActiveHealthCheckService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(clusters.All
            .Where(c => c.ActiveHealthCheck.Enabled && c.Destinations.Count > 0)
            .Select(c => ProbeLoopAsync(c, stoppingToken)));

    private async Task ProbeLoopAsync(ClusterState cluster, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(cluster.ActiveHealthCheck.Interval);
        try
        {
            do
            {
                // Concurrently, so one hanging replica does not delay the verdict on the others.
                await Task.WhenAll(cluster.Destinations.Select(d => ProbeAsync(cluster, d, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ProbeAsync(ClusterState cluster, DestinationState destination, CancellationToken stoppingToken)
    {
        var before = destination.Health;
        var healthy = await prober.ProbeAsync(cluster, destination, stoppingToken);
        if (before != destination.Health)
        {
            logger.LogInformation("{Cluster}/{Destination} is now {Health}", cluster.Id, destination.Id, healthy ? "healthy" : "unhealthy");
        }
    }
}
