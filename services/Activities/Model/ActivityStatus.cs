using System.Text.Json.Serialization;

namespace Crm.Activities.Model;

/// <summary>A task's status (events have none).</summary>
public enum ActivityStatus
{
    [JsonStringEnumMemberName("Not Started")]
    NotStarted,
    [JsonStringEnumMemberName("In Progress")]
    InProgress,
    Completed,
    [JsonStringEnumMemberName("Waiting on someone else")]
    WaitingOnSomeoneElse,
    Deferred,
}
