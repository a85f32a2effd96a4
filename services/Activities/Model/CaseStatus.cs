using System.Text.Json.Serialization;

namespace Crm.Activities.Model;

public enum CaseStatus
{
    New,
    [JsonStringEnumMemberName("In Progress")]
    InProgress,
    Closed,
}
