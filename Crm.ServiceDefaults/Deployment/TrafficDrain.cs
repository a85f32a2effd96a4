using Crm.Contracts.Deployment;

namespace Crm.ServiceDefaults.Deployment;

/// <summary>
/// A replica's part in a rolling redeploy (docs/operations.md). Told to drain, it answers the gateway's
/// <c>/alive</c> probe with 503 so YARP takes it out of rotation, and it keeps serving whatever still arrives
/// until the AppHost stops it. The counts tell the AppHost when the gateway has let go (enough refused probes,
/// nothing in flight) and, on a new replica, when the gateway has taken it in (a probe answered).
/// </summary>
public sealed class TrafficDrain
{
    private int _draining;
    private int _aliveAnswered;
    private int _aliveRefused;
    private int _inFlight;

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    public void Start() => Interlocked.Exchange(ref _draining, 1);

    /// <summary>Counts an <c>/alive</c> probe; false when it must be refused because the replica drains.</summary>
    public bool AnswerAliveProbe()
    {
        if (IsDraining)
        {
            Interlocked.Increment(ref _aliveRefused);
            return false;
        }

        Interlocked.Increment(ref _aliveAnswered);
        return true;
    }

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestEnded() => Interlocked.Decrement(ref _inFlight);

    public ReplicaTraffic State() => new(IsDraining, Volatile.Read(ref _aliveAnswered), Volatile.Read(ref _aliveRefused), Volatile.Read(ref _inFlight));
}
