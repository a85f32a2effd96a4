using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.ServiceDefaults.Health;

/// <summary>
/// The message broker's check (MassTransit's bus check underneath), reported at worst as Degraded: without
/// the broker a service still serves every request, its events wait in the outbox, so /health stays 200 and
/// the gateway keeps the replica in rotation.
/// </summary>
public sealed class BrokerHealthCheck(IHealthCheck bus) : IHealthCheck
{
    public const string Name = "rabbitmq";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await bus.CheckHealthAsync(context, cancellationToken);
        return result.Status == HealthStatus.Healthy
            ? result
            : HealthCheckResult.Degraded(
                $"The message broker is not connected; events wait in the outbox. {result.Description}".TrimEnd(),
                result.Exception,
                result.Data);
    }
}
