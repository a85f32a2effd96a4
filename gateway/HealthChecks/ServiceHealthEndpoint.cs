using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// <c>GET /api/v1/health</c>: every destination of every YARP cluster asked live (not YARP's cached health), so a
/// monitor sees an outage at once, with each service's and each dependency's status (<see cref="HealthSummary"/>).
/// 200 while requests can be served (Healthy or Degraded), 503 when they cannot (Unhealthy), naming the failing ones.
/// </summary>
public static class ServiceHealthEndpoint
{
    /// <summary>The gateway's own dependencies (Redis: browser sessions) show as this service.</summary>
    public const string GatewayService = "gateway";

    public static async Task<IResult> HandleAsync(
        IProxyStateLookup proxy,
        ReplicaHealthReader reader,
        IConfiguration configuration,
        HealthCheckService gatewayChecks,
        HttpContext context)
    {
        var ct = context.RequestAborted;
        var clusters = proxy.GetClusters().ToList();
        var probes = clusters
            .SelectMany(c => c.Destinations.Values.Select(async d =>
            {
                var address = new Uri(d.Model.Config.Address);
                return (Name: ReplicaName(configuration, c, d, address), Health: await reader.ReadAsync(c.ClusterId, address, ct));
            }))
            .ToList();
        var gateway = gatewayChecks.CheckHealthAsync(ct);

        var replicas = (await Task.WhenAll(probes)).ToDictionary(p => p.Name, p => p.Health);
        var own = await gateway;
        replicas[GatewayService] = new ReplicaHealth(
            GatewayService,
            own.Status,
            null,
            own.Entries.ToDictionary(e => e.Key, e => e.Value.Status));

        var summary = HealthSummary.From(replicas, clusters.Select(c => c.ClusterId).Append(GatewayService));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(summary, statusCode: summary.CanServe ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// The AppHost's names: <c>sales</c> for a single replica, <c>sales-1</c>, <c>sales-2</c>... by their place in
    /// <c>services:sales:http:N</c>, the service discovery entries the destinations were resolved from.
    /// </summary>
    public static string ReplicaName(IConfiguration configuration, ClusterState cluster, DestinationState destination, Uri address)
    {
        var endpoints = configuration.GetSection($"services:{cluster.ClusterId}:http").GetChildren().Select(e => e.Value).ToList();
        var index = endpoints.FindIndex(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && uri.Authority == address.Authority);
        return index < 0 ? destination.DestinationId
            : endpoints.Count == 1 ? cluster.ClusterId
            : $"{cluster.ClusterId}-{index + 1}";
    }
}
