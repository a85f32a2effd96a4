namespace Crm.Gateway.Configuration;

/// <summary>
/// The <c>ReverseProxy</c> configuration section. Shaped like YARP's so YARP can replace our
/// forwarder later without touching appsettings.json or the AppHost's environment variables.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    public Dictionary<string, RouteConfig> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ClusterConfig> Clusters { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
