using System.Text.Json.Serialization;
using Crm.Gateway.LoadBalancing;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// <c>GET /api/v1/health</c>: every service probed live (not the cached state), so a monitor sees
/// an outage at once. 200 when each has a healthy replica, else 503 naming the failing ones.
/// </summary>
public static class ServiceHealthEndpoint
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";

    public static async Task<IResult> HandleAsync(ClusterRegistry clusters, DestinationProber prober, HttpContext context)
    {
        var all = clusters.All.ToList();
        var results = await Task.WhenAll(all.Select(c => c.Destinations.Count == 0
            ? Task.FromResult(false)
            : prober.ProbeClusterAsync(c, context.RequestAborted)));

        var services = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            services[all[i].Id] = results[i] ? Healthy : Unhealthy;
        }

        var failing = services.Where(s => s.Value == Unhealthy).Select(s => s.Key).ToList();
        context.Response.Headers.CacheControl = "no-store";
        return failing.Count == 0
            ? TypedResults.Json(new ServicesHealth(Healthy, null, services))
            : TypedResults.Json(new ServicesHealth(Unhealthy, failing, services), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record ServicesHealth(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("failing"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Failing,
        [property: JsonPropertyName("services")] IReadOnlyDictionary<string, string> Services);
}
