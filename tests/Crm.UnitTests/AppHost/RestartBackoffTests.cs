using Crm.AppHost.Supervision;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public class RestartBackoffTests
{
    [Fact]
    public void Doubles_from_one_second_up_to_thirty()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next(TimeSpan.FromSeconds(2)).TotalSeconds).ToList();

        delays.ShouldBe([1, 2, 4, 8, 16, 30, 30, 30]);
    }

    [Fact]
    public void Starts_again_from_one_second_after_a_minute_of_running()
    {
        var backoff = new RestartBackoff();
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero).ShouldBe(TimeSpan.FromSeconds(4));

        backoff.Next(TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.FromSeconds(1));
        backoff.Next(TimeSpan.FromSeconds(5)).ShouldBe(TimeSpan.FromSeconds(2));
    }
}
