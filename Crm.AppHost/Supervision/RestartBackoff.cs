namespace Crm.AppHost.Supervision;

/// <summary>
/// How long to wait before restarting a crashed resource: 1 s, doubling up to 30 s; a resource that ran a
/// minute before it crashed starts again from 1 s.
/// </summary>
public sealed class RestartBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private TimeSpan _next = First;

    public TimeSpan Next(TimeSpan ranFor)
    {
        if (ranFor >= StableAfter)
        {
            _next = First;
        }

        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Max.Ticks));
        return delay;
    }
}
