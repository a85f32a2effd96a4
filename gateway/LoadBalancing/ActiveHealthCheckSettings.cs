namespace Crm.Gateway.LoadBalancing;

/// <summary>A cluster's active health check with defaults filled in.</summary>
public sealed record ActiveHealthCheckSettings(bool Enabled, TimeSpan Interval, TimeSpan Timeout, string Path)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);
    public const string DefaultPath = "/health";
}
