using Crm.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class BrokerHealthCheckTests
{
    private sealed class Fixed(HealthCheckResult result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(result);
    }

    [Fact]
    public async Task A_broker_that_is_down_only_degrades_the_service()
    {
        var check = new BrokerHealthCheck(new Fixed(HealthCheckResult.Unhealthy("not connected")));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldNotBeNull().ShouldContain("outbox");
    }

    [Fact]
    public async Task A_connected_broker_is_healthy()
    {
        var check = new BrokerHealthCheck(new Fixed(HealthCheckResult.Healthy("Ready")));

        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
    }
}
