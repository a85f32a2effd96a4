namespace Crm.Gateway.Configuration;

/// <summary>Periodic <c>GET {destination}{Path}</c> probes; a 2xx answer means healthy.</summary>
public sealed class ActiveHealthCheckConfig
{
    public bool Enabled { get; set; }

    public TimeSpan? Interval { get; set; }

    public TimeSpan? Timeout { get; set; }

    public string? Path { get; set; }

    /// <summary>Failed probes in a row before a replica is taken out (default 2).</summary>
    public int? ConsecutiveFailures { get; set; }
}
