namespace Crm.Gateway.LoadBalancing;

/// <summary>A service's replicas plus the round-robin cursor shared by every request to it.</summary>
public sealed class ClusterState(
    string id,
    IReadOnlyList<DestinationState> destinations,
    ActiveHealthCheckSettings activeHealthCheck,
    TimeSpan? reactivationPeriod = null,
    bool passiveHealthCheck = true)
{
    private int _counter;

    public string Id { get; } = id;

    public IReadOnlyList<DestinationState> Destinations { get; } = destinations;

    public ActiveHealthCheckSettings ActiveHealthCheck { get; } = activeHealthCheck;

    /// <summary>Only used when active checks are off: how long a passively failed replica stays out.</summary>
    public TimeSpan? ReactivationPeriod { get; } = reactivationPeriod;

    /// <summary>Whether a failed connection takes a replica out of rotation at once.</summary>
    public bool PassiveHealthCheck { get; } = passiveHealthCheck;

    /// <summary>
    /// Next replica, skipping <paramref name="exclude"/> (a retry's failed one): round robin over the
    /// healthy ones, or, when none is, over all of them (Envoy's panic routing). Refusing every request
    /// on the strength of a health belief helps no one; a replica that is really down refuses the
    /// connection at once, and the caller then answers 503.
    /// </summary>
    public DestinationState? PickDestination(DateTimeOffset now, DestinationState? exclude = null)
    {
        var candidates = Destinations.Where(d => !ReferenceEquals(d, exclude)).ToList();
        var healthy = candidates.Where(d => d.IsAvailable(now, ReactivationPeriod)).ToList();
        return RoundRobin.Pick(healthy.Count > 0 ? healthy : candidates, ref _counter);
    }

    /// <summary>Whether any replica is believed healthy (else requests are sent in panic mode).</summary>
    public bool HasHealthyDestination(DateTimeOffset now) => Destinations.Any(d => d.IsAvailable(now, ReactivationPeriod));
}
