namespace Crm.ServiceDefaults.Messaging;

/// <summary>
/// When an outbox tries again after its n-th failed attempt (the event outbox's publish, Identity's mail): 2, 4, 8 ...
/// seconds, then once a minute for as long as it takes. Doubling spares a server that is down from being hammered;
/// the one-minute cap means a message waits at most a minute past the outage; never giving up means none is lost.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    public static TimeSpan After(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, Math.Clamp(failedAttempts, 1, 6))));
}
