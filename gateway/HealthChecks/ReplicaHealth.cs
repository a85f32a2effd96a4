using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// What one replica's <c>GET /health</c> said: its overall status and each dependency's. Only statuses: the
/// checks' descriptions (addresses, exception messages) stay internal, as the gateway's answer is public.
/// </summary>
public sealed record ReplicaHealth(string Service, HealthStatus Status, string? Description, IReadOnlyDictionary<string, HealthStatus> Checks)
{
    public static ReplicaHealth NoAnswer(string service, string reason) =>
        new(service, HealthStatus.Unhealthy, reason, new Dictionary<string, HealthStatus>());

    /// <summary>
    /// Reads the ServiceDefaults health JSON (<c>{"status", "checks": {name: {"status", ...}}}</c>); an
    /// answer it cannot read counts by its HTTP status alone (2xx healthy).
    /// </summary>
    public static ReplicaHealth FromAnswer(string service, int httpStatus, string body)
    {
        var byCode = httpStatus is >= 200 and < 300 ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var status = ParseStatus(root, "status") ?? byCode;
            var checks = new SortedDictionary<string, HealthStatus>(StringComparer.Ordinal);
            if (root.TryGetProperty("checks", out var list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (var check in list.EnumerateObject())
                {
                    if (ParseStatus(check.Value, "status") is { } checkStatus)
                    {
                        checks[check.Name] = checkStatus;
                    }
                }
            }

            // A 503 is unhealthy whatever the body claims: the load balancer goes by the code too.
            return new ReplicaHealth(service, byCode == HealthStatus.Unhealthy ? HealthStatus.Unhealthy : status, null, checks);
        }
        catch (JsonException)
        {
            return new ReplicaHealth(service, byCode, $"HTTP {httpStatus}", new Dictionary<string, HealthStatus>());
        }
    }

    /// <summary>By name only ("Healthy", "Degraded", "Unhealthy"): Enum.TryParse would also take "0".</summary>
    private static HealthStatus? ParseStatus(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { } name
        && Enum.GetNames<HealthStatus>().Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<HealthStatus>(name)
            : null;
}
