using Crm.Gateway.Configuration;

namespace Crm.Gateway.LoadBalancing;

/// <summary>Every configured cluster, built once at start-up from <c>ReverseProxy:Clusters</c>.</summary>
public sealed class ClusterRegistry
{
    private static readonly TimeSpan DefaultReactivationPeriod = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, ClusterState> _clusters;

    public ClusterRegistry(IEnumerable<ClusterState> clusters)
    {
        _clusters = clusters.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<ClusterState> All => _clusters.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public ClusterState? Find(string id) => _clusters.GetValueOrDefault(id);

    public static ClusterRegistry FromConfig(ReverseProxyOptions options, ILogger logger)
    {
        var clusters = new List<ClusterState>();
        foreach (var (id, config) in options.Clusters)
        {
            if (config.LoadBalancingPolicy is { } policy && !string.Equals(policy, "RoundRobin", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Cluster {Cluster}: load balancing policy {Policy} is not implemented; using RoundRobin", id, policy);
            }

            var destinations = new List<DestinationState>();
            foreach (var (name, destination) in config.Destinations)
            {
                if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var address)
                    || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                {
                    throw new InvalidOperationException($"Cluster '{id}' destination '{name}' has an invalid Address '{destination.Address}'.");
                }

                destinations.Add(new DestinationState(name, address));
            }

            if (destinations.Count == 0)
            {
                logger.LogWarning("Cluster {Cluster} has no destinations; its routes answer 503", id);
            }

            var active = config.HealthCheck?.Active;
            var settings = new ActiveHealthCheckSettings(
                active?.Enabled ?? false,
                active?.Interval ?? ActiveHealthCheckSettings.DefaultInterval,
                active?.Timeout ?? ActiveHealthCheckSettings.DefaultTimeout,
                string.IsNullOrWhiteSpace(active?.Path) ? ActiveHealthCheckSettings.DefaultPath : active.Path,
                Math.Max(1, active?.ConsecutiveFailures ?? ActiveHealthCheckSettings.DefaultConsecutiveFailures));

            var passive = config.HealthCheck?.Passive;
            TimeSpan? reactivation = settings.Enabled ? null : passive?.ReactivationPeriod ?? DefaultReactivationPeriod;

            clusters.Add(new ClusterState(id, destinations.OrderBy(d => d.Id, StringComparer.Ordinal).ToList(), settings, reactivation, passive?.Enabled ?? true));
        }

        return new ClusterRegistry(clusters);
    }
}
