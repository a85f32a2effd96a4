using System.Text.Json.Serialization;

namespace Crm.Contracts.Deployment;

/// <summary>
/// A replica's answer to <see cref="ReplicaControl.TrafficPath"/> and <see cref="ReplicaControl.DrainPath"/>: whether
/// it drains, the gateway's <c>/alive</c> probes it answered and refused, and its requests in flight.
/// </summary>
public sealed record ReplicaTraffic(
    [property: JsonPropertyName("draining")] bool Draining,
    [property: JsonPropertyName("alive_probes_answered")] int AliveProbesAnswered,
    [property: JsonPropertyName("alive_probes_refused")] int AliveProbesRefused,
    [property: JsonPropertyName("in_flight")] int InFlight);
