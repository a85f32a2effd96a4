using System.Text.Json.Serialization;

namespace Crm.Billing.Model;

/// <summary>How long an order with a balance due has waited, in days since its order date.</summary>
public enum AgingBucket
{
    [JsonStringEnumMemberName("0-30")]
    UpTo30,
    [JsonStringEnumMemberName("31-60")]
    UpTo60,
    [JsonStringEnumMemberName("61-90")]
    UpTo90,
    [JsonStringEnumMemberName("90+")]
    Over90,
}

public static class AgingBuckets
{
    /// <summary>The bucket of an order <paramref name="ageDays"/> old (0 on its order date).</summary>
    public static AgingBucket Of(int ageDays) => ageDays switch
    {
        <= 30 => AgingBucket.UpTo30,
        <= 60 => AgingBucket.UpTo60,
        <= 90 => AgingBucket.UpTo90,
        _ => AgingBucket.Over90,
    };

    /// <summary>
    /// The order dates the bucket holds as of <paramref name="asOf"/>, both included: the oldest (none for
    /// 90+) and the newest. As a date range a bucket filters on the indexed order date.
    /// </summary>
    public static (DateOnly? Oldest, DateOnly Newest) OrderDates(this AgingBucket bucket, DateOnly asOf) => bucket switch
    {
        AgingBucket.UpTo30 => (asOf.AddDays(-30), asOf),
        AgingBucket.UpTo60 => (asOf.AddDays(-60), asOf.AddDays(-31)),
        AgingBucket.UpTo90 => (asOf.AddDays(-90), asOf.AddDays(-61)),
        AgingBucket.Over90 => (null, asOf.AddDays(-91)),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };
}
