namespace Crm.AppHost.Hosting;

/// <summary>Exponential back-off for restarting crashed processes: 1 s, 2 s, 4 s ... capped.</summary>
public static class Backoff
{
    public static readonly TimeSpan DefaultInitial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(30);

    /// <param name="attempt">1 for the first restart after a crash.</param>
    public static TimeSpan Delay(int attempt, TimeSpan? initial = null, TimeSpan? max = null)
    {
        var first = initial ?? DefaultInitial;
        var cap = max ?? DefaultMax;
        if (attempt <= 1)
        {
            return first <= cap ? first : cap;
        }

        // Shift in doubles so a long crash loop cannot overflow.
        var ms = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return ms >= cap.TotalMilliseconds ? cap : TimeSpan.FromMilliseconds(ms);
    }
}
