namespace Crm.Activities.Model;

/// <summary>What an activity is; it never changes after creation.</summary>
public enum ActivityType
{
    Task,
    Event,
}
