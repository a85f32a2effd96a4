namespace Crm.Gateway.RateLimiting;

/// <summary>Windows aligned to the unix epoch, so every replica agrees on where one starts.</summary>
public static class FixedWindow
{
    public static (long Index, DateTimeOffset End) Of(DateTimeOffset now, TimeSpan window)
    {
        var length = Math.Max(1L, (long)window.TotalMilliseconds);
        var index = now.ToUnixTimeMilliseconds() / length;
        return (index, DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * length));
    }
}
