using System.Text.Json.Serialization;

namespace Crm.Billing.Model;

public enum PaymentStatus
{
    Completed,
    Pending,
    Failed,
    /// <summary>Cancelled by a person: kept on record, never counts again.</summary>
    Void,
}

public enum PaymentMethod
{
    Stripe,
    PayPal,
    Cash,
    [JsonStringEnumMemberName("Bank Transfer")]
    BankTransfer,
}
