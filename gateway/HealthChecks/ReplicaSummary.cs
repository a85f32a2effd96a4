using System.Text.Json.Serialization;

namespace Crm.Gateway.HealthChecks;

/// <summary>One replica in <see cref="HealthSummary"/>: its service, status and each dependency's.</summary>
public sealed record ReplicaSummary(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonPropertyName("checks")] IReadOnlyDictionary<string, string> Checks)
{
    public static ReplicaSummary From(ReplicaHealth replica) =>
        new(
            replica.Service,
            replica.Status.ToString(),
            replica.Description,
            replica.Checks.ToDictionary(c => c.Key, c => c.Value.ToString()));
}
