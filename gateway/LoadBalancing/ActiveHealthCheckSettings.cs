namespace Crm.Gateway.LoadBalancing;

/// <summary>A cluster's active health check with defaults filled in.</summary>
/// <param name="ConsecutiveFailures">
/// Failed probes in a row that take a replica out (YARP's consecutive-failures policy): one probe that
/// timed out on a busy machine says little; two in a row say the replica is in trouble.
/// </param>
public sealed record ActiveHealthCheckSettings(bool Enabled, TimeSpan Interval, TimeSpan Timeout, string Path, int ConsecutiveFailures = ActiveHealthCheckSettings.DefaultConsecutiveFailures)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);
    public const string DefaultPath = "/health";
    public const int DefaultConsecutiveFailures = 2;
}
