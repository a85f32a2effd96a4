namespace Crm.Gateway.Configuration;

/// <summary>
/// A failed connection marks a destination unhealthy at once. With active checks on, the next
/// successful probe brings it back; without them it comes back after <see cref="ReactivationPeriod"/>.
/// </summary>
public sealed class PassiveHealthCheckConfig
{
    public bool Enabled { get; set; } = true;

    public TimeSpan? ReactivationPeriod { get; set; }
}
