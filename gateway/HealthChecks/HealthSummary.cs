using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// The body of <c>GET /api/v1/health</c>. <c>status</c>: Healthy, Degraded (every request is served, something
/// lags: e.g. the broker is down and events wait in the outboxes) or Unhealthy (some requests cannot be served:
/// a service or its database is down; the only case answered with 503).
/// </summary>
public sealed record HealthSummary(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("failing"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Failing,
    [property: JsonPropertyName("services")] IReadOnlyDictionary<string, string> Services,
    [property: JsonPropertyName("dependencies")] IReadOnlyDictionary<string, string> Dependencies,
    [property: JsonPropertyName("replicas")] IReadOnlyDictionary<string, ReplicaSummary> Replicas)
{
    /// <summary>Dependency checks only: "self" says no more than that the replica answered.</summary>
    private const string SelfCheck = "self";

    [JsonIgnore]
    public bool CanServe => Status != nameof(HealthStatus.Unhealthy);

    /// <param name="replicas">Every replica's answer, keyed by replica name (sales-1, or sales with one replica).</param>
    /// <param name="services">Every service, so one without any replica shows as Unhealthy too.</param>
    public static HealthSummary From(IReadOnlyDictionary<string, ReplicaHealth> replicas, IEnumerable<string> services)
    {
        // A service is as good as its best replica (the gateway routes around the others)...
        var serviceStatus = new SortedDictionary<string, HealthStatus>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            serviceStatus[service] = HealthStatus.Unhealthy;
        }

        foreach (var replica in replicas.Values)
        {
            serviceStatus[replica.Service] = serviceStatus.TryGetValue(replica.Service, out var current) && current > replica.Status
                ? current
                : replica.Status;
        }

        // ...a dependency as bad as any replica says it is, and the whole as bad as its worst service.
        var dependencies = new SortedDictionary<string, HealthStatus>(StringComparer.Ordinal);
        foreach (var (name, status) in replicas.Values.SelectMany(r => r.Checks).Where(c => c.Key != SelfCheck))
        {
            dependencies[name] = dependencies.TryGetValue(name, out var current) && current < status ? current : status;
        }

        var overall = serviceStatus.Count == 0 ? HealthStatus.Unhealthy : serviceStatus.Values.Min();
        var failing = serviceStatus.Where(s => s.Value != HealthStatus.Healthy).Select(s => s.Key).ToList();
        return new HealthSummary(
            overall.ToString(),
            failing.Count == 0 ? null : failing,
            serviceStatus.ToDictionary(s => s.Key, s => s.Value.ToString()),
            dependencies.ToDictionary(d => d.Key, d => d.Value.ToString()),
            new SortedDictionary<string, ReplicaSummary>(
                replicas.ToDictionary(r => r.Key, r => ReplicaSummary.From(r.Value)),
                StringComparer.Ordinal));
    }
}
