namespace Crm.Gateway.Configuration;

public sealed class HealthCheckConfig
{
    public ActiveHealthCheckConfig? Active { get; set; }

    public PassiveHealthCheckConfig? Passive { get; set; }
}
