namespace Crm.Gateway.Configuration;

/// <summary>One entry of <c>ReverseProxy:Clusters</c>: a service and its replicas.</summary>
public sealed class ClusterConfig
{
    /// <summary>Only <c>RoundRobin</c> is implemented; anything else falls back to it with a warning.</summary>
    public string? LoadBalancingPolicy { get; set; }

    public HealthCheckConfig? HealthCheck { get; set; }

    /// <summary>Filled from <c>ReverseProxy__Clusters__&lt;svc&gt;__Destinations__&lt;replica&gt;__Address</c>.</summary>
    public Dictionary<string, DestinationConfig> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
