namespace Crm.Gateway.LoadBalancing;

/// <summary>One replica of a service and what the gateway currently believes about its health.</summary>
public sealed class DestinationState(string id, Uri address)
{
    private int _health;
    private int _failedProbes;
    private long _unhealthySinceUnixMs;

    public string Id { get; } = id;

    public Uri Address { get; } = address;

    public DestinationHealth Health => (DestinationHealth)Volatile.Read(ref _health);

    /// <summary>
    /// Result of an active probe: the only way back from a passive failure when probes run. A failed probe
    /// takes the replica out once <paramref name="consecutiveFailures"/> of them come in a row.
    /// </summary>
    public void ReportProbe(bool healthy, DateTimeOffset now, int consecutiveFailures = 1)
    {
        if (healthy)
        {
            Interlocked.Exchange(ref _failedProbes, 0);
            Volatile.Write(ref _health, (int)DestinationHealth.Healthy);
        }
        else if (Interlocked.Increment(ref _failedProbes) >= consecutiveFailures)
        {
            MarkUnhealthy(now);
        }
    }

    /// <summary>Passive health: a connection that could not be opened takes the replica out at once.</summary>
    public void ReportConnectFailure(DateTimeOffset now) => MarkUnhealthy(now);

    /// <param name="reactivationPeriod">
    /// Set when no active probe will ever bring the replica back: it is tried again after this long.
    /// </param>
    public bool IsAvailable(DateTimeOffset now, TimeSpan? reactivationPeriod)
    {
        if (Health != DestinationHealth.Unhealthy)
        {
            return true;
        }

        return reactivationPeriod is { } period
            && now.ToUnixTimeMilliseconds() - Interlocked.Read(ref _unhealthySinceUnixMs) >= period.TotalMilliseconds;
    }

    private void MarkUnhealthy(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _unhealthySinceUnixMs, now.ToUnixTimeMilliseconds());
        Volatile.Write(ref _health, (int)DestinationHealth.Unhealthy);
    }
}
