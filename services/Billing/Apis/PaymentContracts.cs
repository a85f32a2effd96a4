using System.Text.Json.Serialization;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Apis;

public sealed record CreatePaymentRequest(
    decimal? Amount,
    DateOnly? PaymentDate,
    PaymentMethod? PaymentMethod,
    PaymentStatus? Status,
    string? TransactionId,
    string? Notes,
    DateOnly? ServicePeriodStart,
    DateOnly? ServicePeriodEnd)
{
    public PaymentChanges ToChanges() => new()
    {
        Amount = Amount,
        PaymentDate = PaymentDate,
        PaymentMethod = PaymentMethod,
        Status = Status,
        TransactionId = TransactionId,
        Notes = Notes,
        ServicePeriodStart = ServicePeriodStart,
        ServicePeriodEnd = ServicePeriodEnd,
    };
}

/// <summary>Only the fields to change plus the version they were read at; <c>{"status":"Void","version":v}</c> voids.</summary>
public sealed record UpdatePaymentRequest : PaymentChanges
{
    public Optional<int?> Version { get; init; }
}

/// <summary>
/// A payment with its order's (or contract's) number and account: list rows, an order's or contract's
/// payments, and the single-payment answers. Exactly one of order_id and contract_id is set.
/// </summary>
public sealed class PaymentListItem
{
    public required Guid Id { get; init; }

    public required Guid? OrderId { get; init; }

    public required string? OrderNumber { get; init; }

    public required Guid? ContractId { get; init; }

    public required string? ContractNumber { get; init; }

    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; }

    [JsonConverter(typeof(MoneyJsonConverter))]
    public required decimal Amount { get; init; }

    public required DateOnly PaymentDate { get; init; }

    public required PaymentMethod PaymentMethod { get; init; }

    public required PaymentStatus Status { get; init; }

    public required string? TransactionId { get; init; }

    public required string? Notes { get; init; }

    public required DateOnly? ServicePeriodStart { get; init; }

    public required DateOnly? ServicePeriodEnd { get; init; }

    public required int Version { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required Guid CreatedBy { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public required Guid UpdatedBy { get; init; }
}

/// <summary>Where the order stands after a payment change, so a client can update its page without another read.</summary>
public sealed record OrderBalance(
    Guid Id,
    string OrderNumber,
    OrderStatus Status,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPaid,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal BalanceDue,
    int Version);

/// <summary>Where the contract stands after a payment change.</summary>
public sealed record ContractBalance(
    Guid Id,
    string ContractNumber,
    ContractStatus Status,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPaid,
    int Version);

/// <summary>A payment; <c>order</c> is set for an order's payment, <c>contract</c> for a contract's.</summary>
public sealed record PaymentResponse(
    Guid Id,
    Guid? OrderId,
    string? OrderNumber,
    Guid? ContractId,
    string? ContractNumber,
    Guid AccountId,
    string AccountName,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount,
    DateOnly PaymentDate,
    PaymentMethod PaymentMethod,
    PaymentStatus Status,
    string? TransactionId,
    string? Notes,
    DateOnly? ServicePeriodStart,
    DateOnly? ServicePeriodEnd,
    int Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    string CreatedByName,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string UpdatedByName,
    OrderBalance? Order,
    ContractBalance? Contract);
