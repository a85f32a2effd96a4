namespace Crm.Gateway.Configuration;

public sealed class ForwarderOptions
{
    /// <summary>A replica that does not accept a connection by then counts as unreachable (502, failover).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed until the response headers arrive (504 after it); YARP's default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
