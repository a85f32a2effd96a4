using System.Text.Json.Serialization;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Apis;

/// <summary>Only the status (Fulfilled or Cancelled) plus the version it was read at.</summary>
public sealed record UpdateOrderRequest
{
    public Optional<OrderStatus?> Status { get; init; }

    public Optional<int?> Version { get; init; }
}

public sealed record OrderLineItemResponse(
    Guid Id,
    Guid ProductId,
    string ProductName,
    int Quantity,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal PriceAtPurchase,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    bool IsRetainerProduct);

public sealed record OrderResponse(
    Guid Id,
    string OrderNumber,
    DateOnly OrderDate,
    OrderStatus Status,
    Guid AccountId,
    string AccountName,
    Guid OpportunityId,
    string OpportunityName,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPaid,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal BalanceDue,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName,
    IReadOnlyList<OrderLineItemResponse> LineItems,
    IReadOnlyList<PaymentListItem> Payments);

/// <summary>A list row: the account's name joined, the total summed from the lines.</summary>
public sealed class OrderListItem
{
    public required Guid Id { get; init; }

    public required string OrderNumber { get; init; }

    [JsonIgnore]
    public long Number { get; init; }

    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; }

    public required Guid OpportunityId { get; init; }

    public required DateOnly OrderDate { get; init; }

    public required OrderStatus Status { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal Total { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal TotalPaid { get; init; }

    /// <summary>Total minus what is paid; computed from the two, never queried.</summary>
    [JsonConverter(typeof(MoneyJsonConverter))]
    public decimal BalanceDue => Total - TotalPaid;

    public required int Version { get; init; }

    public required DateTime CreatedAt { get; init; }
}
