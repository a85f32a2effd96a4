using System.Globalization;
using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>What an activity is linked to: an account or one of its deals, and maybe a contact there.</summary>
public enum ActivityLink
{
    Account,
    Opportunity,
}

/// <summary>
/// A task (status, priority, due date) or an event (start, end, location), assigned to the owner of its
/// account, related to the account or one of its opportunities, with one of its contacts.
/// </summary>
public sealed record ActivityPlan(
    int AccountIndex,
    string Type,
    string Subject,
    string? Description,
    ActivityLink Link,
    int? OpportunityIndex,
    int? ContactIndex,
    string? Status,
    string? Priority,
    DateOnly? DueDate,
    DateTime? Start,
    DateTime? End,
    bool AllDay,
    string? Location)
{
    public JsonObject ToBody(string assignedToId, JsonNode whatId, JsonNode? whoId) => Bodies.Compact(new JsonObject
    {
        ["type"] = Type,
        ["subject"] = Subject,
        ["description"] = Description,
        ["assigned_to_id"] = assignedToId,
        ["what_type"] = Link.ToString(),
        ["what_id"] = whatId.DeepClone(),
        ["who_type"] = whoId is null ? null : "Contact",
        ["who_id"] = whoId?.DeepClone(),
        ["status"] = Status,
        ["priority"] = Priority,
        ["due_date"] = DueDate is { } due ? Bodies.Date(due) : null,
        ["start_time"] = Start?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["end_time"] = End?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["is_all_day_event"] = Type == "Event" ? AllDay : null,
        ["location"] = Location,
    });
}
