namespace Crm.Gateway.LoadBalancing;

public enum DestinationHealth
{
    /// <summary>Not probed yet: treated as healthy so the gateway works before the first probe.</summary>
    Unknown = 0,
    Healthy = 1,
    Unhealthy = 2,
}
