using System.Text.Json.Serialization;

namespace Crm.Billing.Model;

public enum OrderStatus
{
    [JsonStringEnumMemberName("Awaiting Payment")]
    AwaitingPayment,
    [JsonStringEnumMemberName("Partially Paid")]
    PartiallyPaid,
    [JsonStringEnumMemberName("Paid in Full")]
    PaidInFull,
    Fulfilled,
    Cancelled,
}

public static class OrderStatuses
{
    /// <summary>Set by people; payments never overwrite them.</summary>
    public static bool IsSetByPeople(this OrderStatus status) => status is OrderStatus.Fulfilled or OrderStatus.Cancelled;

    /// <summary>What the payments say: paid ≥ total → Paid in Full; paid > 0 → Partially Paid; else Awaiting Payment.</summary>
    public static OrderStatus FromSums(decimal total, decimal paid) =>
        paid >= total ? OrderStatus.PaidInFull
        : paid > 0 ? OrderStatus.PartiallyPaid
        : OrderStatus.AwaitingPayment;
}
