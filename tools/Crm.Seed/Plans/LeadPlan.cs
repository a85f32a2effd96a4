using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>A lead in one of the open statuses; <see cref="ConvertAs"/> names the opportunity when it gets converted.</summary>
public sealed record LeadPlan(
    int Index,
    int OwnerSlot,
    string FirstName,
    string LastName,
    string Company,
    string Title,
    string? Email,
    string? Phone,
    string? Website,
    string Status,
    string LeadSource,
    string Industry,
    string? Description,
    string? ConvertAs)
{
    public JsonObject ToBody() => Bodies.Compact(new JsonObject
    {
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["company"] = Company,
        ["title"] = Title,
        ["email"] = Email,
        ["phone"] = Phone,
        ["website"] = Website,
        ["status"] = Status,
        ["lead_source"] = LeadSource,
        ["industry"] = Industry,
        ["description"] = Description,
    });
}
