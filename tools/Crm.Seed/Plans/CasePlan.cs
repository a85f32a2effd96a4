using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>A support case of an account, reported by one of its contacts.</summary>
public sealed record CasePlan(int AccountIndex, int? ContactIndex, string Subject, string? Description, string Status, string Priority)
{
    public JsonObject ToBody(JsonNode accountId, JsonNode? contactId) => Bodies.Compact(new JsonObject
    {
        ["account_id"] = accountId.DeepClone(),
        ["contact_id"] = contactId?.DeepClone(),
        ["subject"] = Subject,
        ["description"] = Description,
        ["status"] = Status,
        ["priority"] = Priority,
    });
}
