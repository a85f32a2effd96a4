using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Model;

/// <summary>
/// Money received (or expected) against an order or a retainer contract (exactly one of them). Only Completed payments count towards what is paid.
/// Financial records are never deleted: a mistaken payment is voided, and a void payment stays as it is.
/// </summary>
public sealed class Payment
{
    public const int TransactionIdMax = 255;
    public const int NotesMax = 32000;

    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid? OrderId { get; private set; }

    public Guid? ContractId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly PaymentDate { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string? TransactionId { get; private set; }

    public string? Notes { get; private set; }

    public DateOnly? ServicePeriodStart { get; private set; }

    public DateOnly? ServicePeriodEnd { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    /// <summary>What this payment adds to the order's paid amount.</summary>
    public decimal Counted => Status == PaymentStatus.Completed ? Amount : 0m;

    public static Payment Log(Guid orderId, PaymentChanges f, Guid by, DateTime now) => Log(orderId, null, f, by, now);

    public static Payment LogForContract(Guid contractId, PaymentChanges f, Guid by, DateTime now) => Log(null, contractId, f, by, now);

    private static Payment Log(Guid? orderId, Guid? contractId, PaymentChanges f, Guid by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        ContractId = contractId,
        Amount = f.Amount.Value!.Value,
        PaymentDate = f.PaymentDate.Value!.Value,
        PaymentMethod = f.PaymentMethod.Value!.Value,
        Status = f.Status.Value ?? PaymentStatus.Completed,
        TransactionId = Clean(f.TransactionId.Value),
        Notes = Clean(f.Notes.Value),
        ServicePeriodStart = f.ServicePeriodStart.Value,
        ServicePeriodEnd = f.ServicePeriodEnd.Value,
        Version = 1,
        CreatedAt = now,
        CreatedBy = by,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    /// <summary>Why the payment can't change now, or null: a void payment is final.</summary>
    public string? Locked() => Status == PaymentStatus.Void ? "The payment is void; it can't be changed." : null;

    /// <returns>true when this change voided the payment.</returns>
    public bool Apply(PaymentChanges c, Guid by, DateTime now)
    {
        var before = Status;
        Amount = c.Amount.IsSet && c.Amount.Value is { } amount ? amount : Amount;
        PaymentDate = c.PaymentDate.IsSet && c.PaymentDate.Value is { } date ? date : PaymentDate;
        PaymentMethod = c.PaymentMethod.IsSet && c.PaymentMethod.Value is { } method ? method : PaymentMethod;
        Status = c.Status.IsSet && c.Status.Value is { } status ? status : Status;
        TransactionId = c.TransactionId.IsSet ? Clean(c.TransactionId.Value) : TransactionId;
        Notes = c.Notes.IsSet ? Clean(c.Notes.Value) : Notes;
        ServicePeriodStart = c.ServicePeriodStart.Or(ServicePeriodStart);
        ServicePeriodEnd = c.ServicePeriodEnd.Or(ServicePeriodEnd);
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
        return before != PaymentStatus.Void && Status == PaymentStatus.Void;
    }

    /// <summary>
    /// Field rules. <paramref name="current"/> is the payment being edited (null when logging one), so
    /// a service period is checked as it will be after the change.
    /// </summary>
    public static void Validate(ValidationErrors errors, PaymentChanges f, Payment? current, bool forContract = false)
    {
        var creating = current is null;
        forContract |= current?.ContractId is not null;
        if ((creating || f.Amount.IsSet) && f.Amount.Value is null)
        {
            errors.Add("amount", "Amount is required.");
        }

        if ((creating || f.PaymentDate.IsSet) && f.PaymentDate.Value is null)
        {
            errors.Add("payment_date", "Payment Date is required.");
        }

        if ((creating || f.PaymentMethod.IsSet) && f.PaymentMethod.Value is null)
        {
            errors.Add("payment_method", "Payment Method is required.");
        }

        if (f.Status.IsSet && f.Status.Value is null && !creating)
        {
            errors.Add("status", "Status is required.");
        }

        if (creating && f.Status.Value == PaymentStatus.Void)
        {
            errors.Add("status", "A new payment is Completed, Pending or Failed.");
        }

        Money.Check(errors, "amount", f.Amount.Value, "Amount");
        errors.MaxLength("transaction_id", f.TransactionId.Value?.Trim(), TransactionIdMax, "Transaction ID")
            .MaxLength("notes", f.Notes.Value, NotesMax, "Notes");

        var start = f.ServicePeriodStart.Or(current?.ServicePeriodStart);
        var end = f.ServicePeriodEnd.Or(current?.ServicePeriodEnd);
        if (forContract && start is null)
        {
            errors.Add("service_period_start", "Service Period Start is required for a contract payment.");
        }

        if (forContract && end is null)
        {
            errors.Add("service_period_end", "Service Period End is required for a contract payment.");
        }

        if (end is not null && start is null && !forContract)
        {
            errors.Add("service_period_start", "Service Period Start is required with a Service Period End.");
        }
        else if (end is { } last && start is { } first && last < first)
        {
            errors.Add("service_period_end", "Service Period End can't be before Service Period Start.");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The fields of a payment: absent fields stay as they are.</summary>
public record PaymentChanges
{
    public Optional<decimal?> Amount { get; init; }

    public Optional<DateOnly?> PaymentDate { get; init; }

    public Optional<PaymentMethod?> PaymentMethod { get; init; }

    public Optional<PaymentStatus?> Status { get; init; }

    public Optional<string?> TransactionId { get; init; }

    public Optional<string?> Notes { get; init; }

    public Optional<DateOnly?> ServicePeriodStart { get; init; }

    public Optional<DateOnly?> ServicePeriodEnd { get; init; }
}
