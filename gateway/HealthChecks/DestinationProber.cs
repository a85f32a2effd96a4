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

    /// <summary>True when at least one replica answers; probes them all so each one's state is fresh.</summary>
    public async Task<bool> ProbeClusterAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(cluster.Destinations.Select(d => ProbeAsync(cluster, d, cancellationToken)));
        return results.Any(healthy => healthy);
    }
}
