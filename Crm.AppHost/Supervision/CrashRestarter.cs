using System.Collections.Concurrent;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.AppHost.Supervision;

/// <summary>
/// Restarts a resource whose process ended without being asked to (a crash, a kill), infrastructure as well as
/// services, with <see cref="RestartBackoff"/>. It watches Aspire's resource notifications and restarts through
/// the resource's own start command, as the dashboard's button does. A stop asked for (the dashboard's Stop,
/// <c>resource-stop</c>) passes through Stopping and is left alone, as is everything once the AppHost stops.
/// </summary>
public sealed class CrashRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    ILogger<CrashRestarter> logger) : IResourceWatcher
{
    private static readonly HashSet<string> Ended = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];
    private readonly ConcurrentDictionary<string, Watch> _watches = new();

    /// <summary>How many times a resource was restarted after a crash in this run.</summary>
    public int Restarts(string resourceName) =>
        _watches.Values.Where(w => w.Name == resourceName).Sum(w => w.Restarts);

    public async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in notifications.WatchAsync(stoppingToken))
            {
                Observe(e);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost stops
        }
    }

    private void Observe(ResourceEvent e)
    {
        var state = e.Snapshot.State?.Text;
        if (state is null || e.Resource is not ExecutableResource)
        {
            return;
        }

        var watch = _watches.GetOrAdd(e.ResourceId, _ => new Watch(e.Resource.Name));
        lock (watch)
        {
            if (state == watch.State)
            {
                return;
            }

            var previous = watch.State;
            watch.State = state;
            if (state == KnownResourceStates.Stopping)
            {
                watch.StopAsked = true;
            }
            else if (state == KnownResourceStates.Starting)
            {
                watch.StopAsked = false;
            }
            else if (state == KnownResourceStates.Running)
            {
                watch.RunningSince = DateTime.UtcNow;
                watch.Restarting = false;
            }

            var crashed = Ended.Contains(state)
                && (previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting || watch.Restarting)
                && !watch.StopAsked
                && !lifetime.ApplicationStopping.IsCancellationRequested;
            if (!crashed)
            {
                return;
            }

            var ranFor = watch.RunningSince is { } since ? DateTime.UtcNow - since : TimeSpan.Zero;
            watch.RunningSince = null;
            watch.Restarting = true;
            var delay = watch.Backoff.Next(ranFor);
            logger.LogWarning("{Resource} ended ({State}, exit code {ExitCode}) after {RanFor:F0} s; restarting in {Delay:F0} s",
                watch.Name, state, e.Snapshot.ExitCode, ranFor.TotalSeconds, delay.TotalSeconds);
            _ = RestartAsync(e.ResourceId, watch, delay);
        }
    }

    private async Task RestartAsync(string resourceId, Watch watch, TimeSpan delay)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await Task.Delay(delay, stopping);
            lock (watch)
            {
                if (watch.StopAsked || !Ended.Contains(watch.State ?? ""))
                {
                    watch.Restarting = false;
                    return; // stopped or started by someone else meanwhile
                }

                watch.Restarts++;
            }

            var result = await commands.ExecuteCommandAsync(resourceId, "resource-start", stopping);
            if (!result.Success)
            {
                logger.LogWarning("restarting {Resource} failed: {Error}", watch.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the AppHost stops
        }
    }

    private sealed class Watch(string name)
    {
        public string Name { get; } = name;

        public string? State { get; set; }

        public bool StopAsked { get; set; }

        public bool Restarting { get; set; }

        public DateTime? RunningSince { get; set; }

        public int Restarts { get; set; }

        public RestartBackoff Backoff { get; } = new();
    }
}
