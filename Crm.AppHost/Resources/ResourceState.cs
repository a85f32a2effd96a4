namespace Crm.AppHost.Resources;

/// <summary>Lifecycle states, named as in the Aspire dashboard.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
    Exited,
    FailedToStart,
}

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>The row shown on the dashboard and at GET /api/resources.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    string State,
    int? Pid,
    string? Endpoint,
    string Health,
    int Restarts);
