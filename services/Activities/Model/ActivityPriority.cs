namespace Crm.Activities.Model;

/// <summary>A task's priority (events have none).</summary>
public enum ActivityPriority
{
    High,
    Normal,
    Low,
}
