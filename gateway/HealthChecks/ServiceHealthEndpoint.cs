using Crm.Gateway.LoadBalancing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// <c>GET /api/v1/health</c>: every replica asked live (not the cached state), so a monitor sees an outage at
/// once, with each service's and each dependency's status (<see cref="HealthSummary"/>). 200 while requests
/// can be served (Healthy or Degraded), 503 when they cannot (Unhealthy), naming the failing ones either way.
/// </summary>
public static class ServiceHealthEndpoint
{
    /// <summary>The gateway's own dependencies (Redis: browser sessions) show as this service.</summary>
    public const string GatewayService = "gateway";

    private static readonly TimeSpan ReplicaTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> HandleAsync(
        ClusterRegistry clusters,
        DestinationProber prober,
        HealthCheckService gatewayChecks,
        HttpContext context)
    {
        var ct = context.RequestAborted;
        var all = clusters.All.ToList();
        var probes = all
            .SelectMany(c => c.Destinations.Select(async d => (d.Id, Health: await prober.ReadHealthAsync(c, d, ReplicaTimeout, ct))))
            .ToList();
        var gateway = gatewayChecks.CheckHealthAsync(ct);

        var replicas = (await Task.WhenAll(probes)).ToDictionary(p => p.Id, p => p.Health);
        var own = await gateway;
        replicas[GatewayService] = new ReplicaHealth(
            GatewayService,
            own.Status,
            null,
            own.Entries.ToDictionary(e => e.Key, e => e.Value.Status));

        var summary = HealthSummary.From(replicas, all.Select(c => c.Id).Append(GatewayService));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(summary, statusCode: summary.CanServe ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
