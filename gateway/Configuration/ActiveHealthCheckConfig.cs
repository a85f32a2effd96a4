namespace Crm.Gateway.Configuration;

/// <summary>Periodic <c>GET {destination}{Path}</c> probes; a 2xx answer means healthy.</summary>
public sealed class ActiveHealthCheckConfig
{
    public bool Enabled { get; set; }

    public TimeSpan? Interval { get; set; }

    public TimeSpan? Timeout { get; set; }

    public string? Path { get; set; }
}
