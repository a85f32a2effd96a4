using System.Globalization;

namespace Crm.ServiceDefaults.Messaging;

/// <summary>
/// The delays between a consumer's attempts at one message before it goes to the error queue. The
/// message stays unacknowledged meanwhile, so a consumer that dies mid-schedule loses nothing (the
/// broker redelivers it); the whole schedule must therefore end before the broker's consumer timeout.
/// </summary>
public sealed class RetrySchedule
{
    /// <summary>Configuration key: comma-separated delays such as <c>1s,5s,15s,30s,1m,2m,4m,8m</c>.</summary>
    public const string ConfigurationKey = "EventBus:RetryIntervals";

    /// <summary>RabbitMQ's consumer_timeout (also set explicitly by the AppHost): an unacknowledged delivery older than this closes the channel.</summary>
    public static readonly TimeSpan BrokerConsumerTimeout = TimeSpan.FromMinutes(30);

    /// <summary>At least this long of retrying rides out a database or broker outage of a quarter of an hour.</summary>
    public static readonly TimeSpan MinimumDefaultTotal = TimeSpan.FromMinutes(15);

    private RetrySchedule(IReadOnlyList<TimeSpan> intervals) => Intervals = intervals;

    /// <summary>Quick retries for a lock conflict, then doubling delays: 15 min 51 s in all, well under the consumer timeout.</summary>
    public static RetrySchedule Default { get; } = Parse("1s,5s,15s,30s,1m,2m,4m,8m");

    public IReadOnlyList<TimeSpan> Intervals { get; }

    public TimeSpan Total => Intervals.Aggregate(TimeSpan.Zero, (sum, next) => sum + next);

    /// <summary>The configured schedule, or <see cref="Default"/> when none is configured.</summary>
    public static RetrySchedule FromConfiguration(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Default : Parse(value);

    /// <summary>Parses <c>200ms,1s,1m</c>; the delays must not shrink, and must all fit in the consumer timeout.</summary>
    public static RetrySchedule Parse(string value)
    {
        var intervals = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseInterval)
            .ToList();
        if (intervals.Count == 0)
        {
            throw new FormatException($"{ConfigurationKey} lists no delay.");
        }

        for (var i = 1; i < intervals.Count; i++)
        {
            if (intervals[i] < intervals[i - 1])
            {
                throw new FormatException($"{ConfigurationKey}: the delays must grow ('{value}').");
            }
        }

        var schedule = new RetrySchedule(intervals);
        // Past the consumer timeout the broker takes the message back and hands it out again: it
        // would never reach the error queue, and every redelivery would start the schedule over.
        if (schedule.Total >= BrokerConsumerTimeout - TimeSpan.FromMinutes(5))
        {
            throw new FormatException($"{ConfigurationKey} adds up to {schedule.Total}, too close to the broker's consumer timeout of {BrokerConsumerTimeout}.");
        }

        return schedule;
    }

    public override string ToString() => string.Join(',', Intervals.Select(Format));

    private static TimeSpan ParseInterval(string text)
    {
        // "ms" before "s": the first suffix that leaves a number wins.
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount > 0)
            {
                return TimeSpan.FromSeconds(amount * seconds);
            }
        }

        throw new FormatException($"{ConfigurationKey}: '{text}' is not a positive delay such as 500ms, 5s or 2m.");
    }

    private static string Format(TimeSpan t) =>
        t.TotalMilliseconds < 1000 ? $"{t.TotalMilliseconds:0}ms"
        : t.TotalSeconds < 60 ? $"{t.TotalSeconds:0.###}s"
        : $"{t.TotalMinutes:0.###}m";
}
