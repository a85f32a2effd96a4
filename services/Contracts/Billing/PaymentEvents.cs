namespace Crm.Contracts.Billing;

/// <summary>
/// A payment as other services need it. Method and status are the display strings ("Bank Transfer", "Void").
/// A payment is against an order or a contract: exactly one of OrderId and ContractId is set.
/// </summary>
public sealed record PaymentSnapshot(
    Guid PaymentId,
    Guid? OrderId,
    string? OrderNumber,
    Guid AccountId,
    decimal Amount,
    DateOnly PaymentDate,
    string PaymentMethod,
    string Status,
    DateOnly? ServicePeriodStart,
    DateOnly? ServicePeriodEnd,
    int Version,
    Guid? ContractId = null,
    string? ContractNumber = null);

/// <summary>A payment was recorded against an order or a contract.</summary>
public sealed record PaymentRecorded(PaymentSnapshot Payment, Guid ChangedBy, DateTime OccurredAt);

public sealed record PaymentUpdated(PaymentSnapshot Payment, Guid ChangedBy, DateTime OccurredAt);

/// <summary>The payment no longer counts; it stays on record with status Void.</summary>
public sealed record PaymentVoided(PaymentSnapshot Payment, Guid ChangedBy, DateTime OccurredAt);
