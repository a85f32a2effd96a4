using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>A person at one of the generated accounts (<c>POST /api/v1/contacts</c>).</summary>
public sealed record ContactPlan(int Index, int AccountIndex, string FirstName, string LastName, string Title, string? Email, string? Phone)
{
    public JsonObject ToBody(JsonNode accountId) => Bodies.Compact(new JsonObject
    {
        ["account_id"] = accountId.DeepClone(),
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["title"] = Title,
        ["email"] = Email,
        ["phone"] = Phone,
    });
}
