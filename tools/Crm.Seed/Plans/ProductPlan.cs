using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>An item of the agency's price list, created by the admin (<c>POST /api/v1/products</c>).</summary>
public sealed record ProductPlan(int Index, string Name, decimal ListPrice, string Description, bool IsRetainer)
{
    public JsonObject ToBody() => new()
    {
        ["name"] = Name,
        ["standard_list_price"] = Bodies.Money(ListPrice),
        ["description"] = Description,
        ["is_retainer_product"] = IsRetainer,
    };
}
