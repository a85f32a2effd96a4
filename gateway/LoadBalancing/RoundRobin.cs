namespace Crm.Gateway.LoadBalancing;

/// <summary>YARP's RoundRobin policy: a shared counter over the currently available candidates.</summary>
public static class RoundRobin
{
    public static T? Pick<T>(IReadOnlyList<T> candidates, ref int counter)
        where T : class
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        // Unsigned so the counter may wrap around int.MaxValue without going negative.
        var ticket = unchecked((uint)Interlocked.Increment(ref counter) - 1u);
        return candidates[(int)(ticket % (uint)candidates.Count)];
    }
}
