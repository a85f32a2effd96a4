using System.Text.Json.Serialization;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Billing.Apis;

/// <summary>
/// What is owed as of a day: every aging bucket (empty ones with zeros), and the orders with a balance
/// due, oldest first. <c>total_due</c> is the sum of the buckets.
/// </summary>
public sealed record ReceivablesReport(
    DateOnly AsOf,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalDue,
    IReadOnlyList<AgingBucketTotal> Buckets,
    IReadOnlyList<ReceivableOrder> Orders)
{
    public static ReceivablesReport From(DateOnly asOf, IReadOnlyCollection<AgingBucketTotal> found, IReadOnlyList<ReceivableOrder> orders)
    {
        var buckets = Enum.GetValues<AgingBucket>()
            .Select(bucket => found.SingleOrDefault(f => f.Bucket == bucket) ?? new AgingBucketTotal(bucket, 0m, 0))
            .ToList();
        return new ReceivablesReport(asOf, buckets.Sum(b => b.Amount), buckets, orders);
    }
}

public sealed record AgingBucketTotal(
    AgingBucket Bucket,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount,
    int Count);

public sealed record ReceivableOrder(
    Guid OrderId,
    string OrderNumber,
    Guid AccountId,
    string AccountName,
    DateOnly OrderDate,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalPaid,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal BalanceDue,
    int AgeDays,
    AgingBucket Bucket)
{
    public static ReceivableOrder Of(OrderListItem o, DateOnly asOf)
    {
        var age = asOf.DayNumber - o.OrderDate.DayNumber;
        return new ReceivableOrder(o.Id, o.OrderNumber, o.AccountId, o.AccountName, o.OrderDate, o.Total, o.TotalPaid, o.BalanceDue, age, AgingBuckets.Of(age));
    }
}
