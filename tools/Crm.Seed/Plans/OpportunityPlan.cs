using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>
/// A deal at an account, with its products and the people involved. A Closed Won deal is created in
/// Negotiation and won once its products are on it (the API refuses to win a deal without products);
/// <see cref="Order"/> or <see cref="Contract"/> says what Billing makes of it.
/// </summary>
public sealed record OpportunityPlan(
    int Index,
    int AccountIndex,
    string Name,
    string Stage,
    DateOnly CloseDate,
    string LeadSource,
    string? NextStep,
    IReadOnlyList<LineItemPlan> Lines,
    IReadOnlyList<ContactRolePlan> Roles,
    OrderPlan? Order,
    ContractPlan? Contract)
{
    public const string ClosedWon = "Closed Won";

    public JsonObject ToBody(JsonNode accountId) => Bodies.Compact(new JsonObject
    {
        ["account_id"] = accountId.DeepClone(),
        ["name"] = Name,
        ["stage"] = Stage == ClosedWon ? "Negotiation" : Stage,
        ["close_date"] = Bodies.Date(CloseDate),
        ["lead_source"] = LeadSource,
        ["next_step"] = NextStep,
    });
}

/// <summary>One product on a deal, at its list price or a negotiated one.</summary>
public sealed record LineItemPlan(int ProductIndex, int Quantity, decimal SalePrice)
{
    public JsonObject ToBody(JsonNode productId) => new()
    {
        ["product_id"] = productId.DeepClone(),
        ["quantity"] = Quantity,
        ["sale_price"] = Bodies.Money(SalePrice),
    };
}

/// <summary>A contact of the deal's account and the part they play in it.</summary>
public sealed record ContactRolePlan(int ContactIndex, string Role);
