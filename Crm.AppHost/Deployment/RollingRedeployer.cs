using System.Globalization;
using Crm.AppHost.Hosting;
using Crm.AppHost.Services;
using Crm.Contracts.Deployment;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.AppHost.Deployment;

/// <summary>
/// Carries out <c>./crm redeploy &lt;service&gt;</c> (docs/operations.md): points the service's program link at the
/// new build, then replaces its replicas one at a time. Each is first drained (its <c>/alive</c> refused until the
/// gateway's active health check has taken it out of rotation and nothing is left in flight), restarted through
/// Aspire's restart command, and the next one waits until the new process is Healthy and the gateway probes it
/// again. A replica that does not come up stops the roll: the link goes back to the previous build, which the
/// replicas not yet replaced still run.
/// </summary>
public sealed class RollingRedeployer(
    CrmSettings settings,
    ServiceTopology topology,
    ServiceReleases releases,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHttpClientFactory httpClients,
    ILogger<RollingRedeployer> logger) : IResourceWatcher
{
    /// <summary>The gateway's ConsecutiveFailures policy takes a destination out after 2 failed probes (YARP's default).</summary>
    public const int RefusedProbesToDrain = 2;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public async Task WatchAsync(CancellationToken stoppingToken)
    {
        // A request left by a run that ended before it was carried out is void: this start runs the solution's build.
        foreach (var stale in RedeployRequest.Take(settings.DataDir).OfType<RedeployRequest>())
        {
            await AppendAsync(stale.Id, $"{RedeployRequest.Failed} the CRM restarted before the redeploy began; run it again.", CancellationToken.None);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var request in RedeployRequest.Take(settings.DataDir).OfType<RedeployRequest>())
                {
                    await RedeployAsync(request, stoppingToken);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost stops
        }
    }

    private async Task RedeployAsync(RedeployRequest request, CancellationToken ct)
    {
        if (!topology.Replicas.TryGetValue(request.Service, out var replicas))
        {
            await AppendAsync(request.Id, $"{RedeployRequest.Failed} no service named {request.Service}.", ct);
            return;
        }

        var programName = Path.GetFileName(request.Program);
        var previous = releases.Current(request.Service, programName);
        try
        {
            releases.Activate(request.Service, request.Program);
            await AppendAsync(request.Id, $"{request.Service} now starts from {Path.GetDirectoryName(request.Program)}", ct);
            if (replicas.Count == 1)
            {
                await AppendAsync(request.Id, $"warning: {request.Service} runs one replica, so its requests fail while it restarts (./crm run --replicas {request.Service}=2 avoids that)", ct);
            }

            var client = new ReplicaTrafficClient(httpClients.CreateClient(nameof(RollingRedeployer)), topology.ControlKey);
            foreach (var replica in replicas)
            {
                await ReplaceAsync(request.Id, replica.Resource, new Uri(replica.GetEndpoint("http").Url), client, drain: replicas.Count > 1, ct);
            }

            releases.Prune(request.Service, programName);
            await AppendAsync(request.Id, $"{RedeployRequest.Succeeded} {request.Service}: {replicas.Count} replica(s) replaced one at a time", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (previous is not null)
            {
                releases.Activate(request.Service, previous);
            }

            logger.LogError(ex, "redeploy of {Service} failed", request.Service);
            await AppendAsync(request.Id, $"{RedeployRequest.Failed} {ex.Message} The replicas not yet replaced keep running {previous}.", CancellationToken.None);
        }
    }

    private async Task ReplaceAsync(string id, ServiceResource replica, Uri url, ReplicaTrafficClient client, bool drain, CancellationToken ct)
    {
        if (!notifications.TryGetCurrentState(replica.Name, out var before))
        {
            throw new InvalidOperationException($"{replica.Name} has no state yet.");
        }

        // Always marked: a replica answering "not draining" afterwards is the new process. With a single replica
        // the gateway has nowhere else to send requests (HealthyOrPanic), so there is nothing to wait for.
        await client.DrainAsync(url, ct);
        if (drain)
        {
            var drained = await PollAsync(() => client.StateAsync(url, ct), t => t.AliveProbesRefused >= RefusedProbesToDrain && t.InFlight == 0, DrainTimeout, ct);
            await AppendAsync(id, drained is { } t
                ? $"{replica.Name}: drained ({t.AliveProbesRefused} probes refused, nothing in flight)"
                : $"{replica.Name}: still had traffic after {DrainTimeout.TotalSeconds:F0} s; stopping it anyway", ct);
        }

        // Aspire's restart: a stop asked for (the crash restarter leaves it alone), then a start from the link.
        var result = await commands.ExecuteCommandAsync(before.ResourceId, "resource-restart", ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{replica.Name} could not be restarted: {result.Message}");
        }

        var until = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"{replica.Name} was not Healthy {StartTimeout.TotalMinutes:F0} minutes after its restart.");
            }

            if (notifications.TryGetCurrentState(replica.Name, out var now)
                && now.Snapshot.State?.Text == KnownResourceStates.Running
                && now.Snapshot.HealthStatus == HealthStatus.Healthy
                && await PollAsync(() => client.StateAsync(url, ct), t => !t.Draining, TimeSpan.Zero, ct) is not null)
            {
                break;
            }

            await Task.Delay(Poll, ct);
        }

        await AppendAsync(id, $"{replica.Name}: restarted, Healthy", ct);
        if (drain)
        {
            // Back in rotation before the next one leaves it: the gateway has probed the new process.
            var probed = await PollAsync(() => client.StateAsync(url, ct), t => t.AliveProbesAnswered >= 1, DrainTimeout, ct);
            await AppendAsync(id, probed is null
                ? $"{replica.Name}: the gateway had not probed it after {DrainTimeout.TotalSeconds:F0} s"
                : $"{replica.Name}: back in the gateway's rotation", ct);
        }
    }

    private static async Task<ReplicaTraffic?> PollAsync(Func<Task<ReplicaTraffic>> read, Func<ReplicaTraffic, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        do
        {
            try
            {
                var state = await read();
                if (done(state))
                {
                    return state;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet, or busy: ask again
            }

            if (DateTime.UtcNow < until)
            {
                await Task.Delay(Poll, ct);
            }
        }
        while (DateTime.UtcNow < until);

        return null;
    }

    private async Task AppendAsync(string id, string line, CancellationToken ct)
    {
        logger.LogInformation("redeploy {Id}: {Line}", id, line);
        var path = RedeployRequest.LogPath(settings.DataDir, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.AppendAllTextAsync(path, $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}\n", ct);
    }
}
