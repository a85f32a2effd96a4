using Crm.AppHost.Hosting;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public class BackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    public void Doubles_from_one_second(int attempt, int expectedSeconds) =>
        Backoff.Delay(attempt).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(6)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    public void Is_capped_at_the_maximum(int attempt) =>
        Backoff.Delay(attempt).ShouldBe(Backoff.DefaultMax);

    [Fact]
    public void Honours_custom_initial_and_maximum() =>
        Backoff.Delay(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500))
            .ShouldBe(TimeSpan.FromMilliseconds(500));
}
