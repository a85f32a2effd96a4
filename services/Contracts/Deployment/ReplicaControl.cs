namespace Crm.Contracts.Deployment;

/// <summary>
/// The control API each service replica offers the AppHost for a rolling redeploy (Crm.ServiceDefaults/Deployment
/// serves it, Crm.AppHost/Deployment calls it): internal, answered only to the bearer of the run's key.
/// </summary>
public static class ReplicaControl
{
    public const string Prefix = "/control";
    public const string DrainPath = Prefix + "/drain";
    public const string TrafficPath = Prefix + "/traffic";
    public const string KeyHeader = "X-Control-Key";
}
