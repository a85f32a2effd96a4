using System.Text.Json.Nodes;

namespace Crm.Seed.Plans;

/// <summary>How an order's payments go: what the Orders and Payments lists should show across the demo.</summary>
public enum PaymentScenario
{
    /// <summary>Nothing paid; maybe a failed card attempt.</summary>
    Unpaid,

    /// <summary>A first instalment paid, the rest pending.</summary>
    PartiallyPaid,

    /// <summary>Paid in full, sometimes after a failed attempt or a payment entered twice and voided.</summary>
    PaidInFull,

    /// <summary>Paid in full and delivered.</summary>
    Fulfilled,

    /// <summary>Called off before any payment.</summary>
    Cancelled,
}

/// <summary>The order generated from a won deal and the payments logged against it, in order.</summary>
public sealed record OrderPlan(PaymentScenario Scenario, IReadOnlyList<PaymentPlan> Payments, string? FinalStatus);

/// <summary>
/// One payment. Its amount is a share of the order's total (known only once Billing made the order), or
/// with no share what is still due; <see cref="VoidAfter"/> voids it right after logging it.
/// </summary>
public sealed record PaymentPlan(decimal? Share, DateOnly Date, string Method, string Status, bool VoidAfter, string? Notes)
{
    public JsonObject ToBody(decimal amount) => Bodies.Compact(new JsonObject
    {
        ["amount"] = Bodies.Money(amount),
        ["payment_date"] = Bodies.Date(Date),
        ["payment_method"] = Method,
        ["status"] = Status,
        ["notes"] = Notes,
    });
}
