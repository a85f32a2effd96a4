using Crm.ServiceDefaults.Messaging;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class RetryScheduleTests
{
    [Fact]
    public void The_default_schedule_retries_for_at_least_15_minutes_with_growing_delays_and_ends_before_the_consumer_timeout()
    {
        var schedule = RetrySchedule.FromConfiguration(null);

        schedule.ShouldBeSameAs(RetrySchedule.Default);
        schedule.Total.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(15));
        schedule.Total.ShouldBeLessThan(RetrySchedule.BrokerConsumerTimeout);
        for (var i = 1; i < schedule.Intervals.Count; i++)
        {
            schedule.Intervals[i].ShouldBeGreaterThan(schedule.Intervals[i - 1]);
        }

        schedule.Intervals[0].ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1), "a lock conflict between two consumers is retried at once");
    }

    [Fact]
    public void A_configured_schedule_is_read_in_milliseconds_seconds_minutes_and_hours()
    {
        var schedule = RetrySchedule.FromConfiguration(" 200ms, 1.5s ,2m,0.25h");

        schedule.Intervals.ShouldBe([TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1.5), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15)]);
        schedule.Total.ShouldBe(TimeSpan.FromMilliseconds(200) + TimeSpan.FromSeconds(1.5) + TimeSpan.FromMinutes(17));
        RetrySchedule.Parse(schedule.ToString()).Intervals.ShouldBe(schedule.Intervals);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5s,1s")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("5 seconds")]
    [InlineData("10")]
    [InlineData("10m,10m,10m")]
    public void Shrinking_empty_unreadable_or_too_long_schedules_are_refused(string value) =>
        Should.Throw<FormatException>(() => RetrySchedule.Parse(value));
}
