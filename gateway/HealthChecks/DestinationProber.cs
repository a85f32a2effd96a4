using Crm.Gateway.LoadBalancing;

namespace Crm.Gateway.HealthChecks;

/// <summary>One <c>GET {destination}/health</c>; any 2xx within the timeout counts as healthy.</summary>
public sealed class DestinationProber(HttpClient client, TimeProvider time)
{
    public async Task<bool> ProbeAsync(ClusterState cluster, DestinationState destination, CancellationToken cancellationToken)
    {
        var settings = cluster.ActiveHealthCheck;
        var prefix = destination.Address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);

        bool healthy;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/" + settings.Path.TrimStart('/'));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            healthy = false;
        }

        destination.ReportProbe(healthy, time.GetUtcNow(), settings.ConsecutiveFailures);
        return healthy;
    }

    /// <summary>
    /// The replica's whole <c>/health</c> answer (each dependency's status), for <c>GET /api/v1/health</c>. Waits up
    /// to <paramref name="timeout"/>, longer than a routing probe: a monitor would rather hear why. Also counts
    /// as a probe, so routing sees the news at once.
    /// </summary>
    public async Task<ReplicaHealth> ReadHealthAsync(ClusterState cluster, DestinationState destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var settings = cluster.ActiveHealthCheck;
        var prefix = destination.Address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        ReplicaHealth health;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/" + settings.Path.TrimStart('/'));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            health = ReplicaHealth.FromAnswer(cluster.Id, (int)response.StatusCode, body);
            destination.ReportProbe(response.IsSuccessStatusCode, time.GetUtcNow(), settings.ConsecutiveFailures);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            health = ReplicaHealth.NoAnswer(
                cluster.Id,
                ex is OperationCanceledException ? $"No answer within {timeout.TotalSeconds:0} s." : "Not reachable.");
            destination.ReportProbe(false, time.GetUtcNow(), settings.ConsecutiveFailures);
        }

        return health;
    }
}
