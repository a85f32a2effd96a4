using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>A retainer contract from a won retainer deal, and which of its periods are paid.</summary>
public sealed record ContractPlan(DateOnly Start, DateOnly End, string BillingCycle, decimal PricePerCycle, IReadOnlyList<ServicePaymentPlan> Payments)
{
    public JsonObject ToBody() => new()
    {
        ["start_date"] = Bodies.Date(Start),
        ["end_date"] = Bodies.Date(End),
        ["billing_cycle"] = BillingCycle,
        ["price_per_cycle"] = Bodies.Money(PricePerCycle),
    };
}

/// <summary>The payment of one service period (the price per cycle); periods without one are overdue or due.</summary>
public sealed record ServicePaymentPlan(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Date, string Method)
{
    public JsonObject ToBody(decimal amount) => new()
    {
        ["amount"] = Bodies.Money(amount),
        ["payment_date"] = Bodies.Date(Date),
        ["payment_method"] = Method,
        ["service_period_start"] = Bodies.Date(PeriodStart),
        ["service_period_end"] = Bodies.Date(PeriodEnd),
    };
}
