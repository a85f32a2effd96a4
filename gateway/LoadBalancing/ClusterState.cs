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

    /// <summary>Next available replica, skipping unhealthy ones and <paramref name="exclude"/> (a retry's failed one).</summary>
    public DestinationState? PickDestination(DateTimeOffset now, DestinationState? exclude = null)
    {
        var available = new List<DestinationState>(Destinations.Count);
        foreach (var destination in Destinations)
        {
            if (!ReferenceEquals(destination, exclude) && destination.IsAvailable(now, ReactivationPeriod))
            {
                available.Add(destination);
            }
        }

        return RoundRobin.Pick(available, ref _counter);
    }
}
