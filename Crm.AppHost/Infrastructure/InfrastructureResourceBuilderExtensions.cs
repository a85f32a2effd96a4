using Crm.AppHost.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Infrastructure;

public static class InfrastructureResourceBuilderExtensions
{
    /// <summary>
    /// A loopback TCP endpoint on a port the AppHost picked (not proxied: what a client connects to is the server
    /// itself) and a health check that makes WaitFor wait for a real protocol answer.
    /// </summary>
    public static IResourceBuilder<ServerResource> WithServerEndpoint(
        this IResourceBuilder<ServerResource> builder, int port, Func<ServerResource, CancellationToken, Task<HealthCheckResult>> check) =>
        builder
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: ServerResource.EndpointName, isProxied: false)
            .WithProtocolHealthCheck(ct => check(builder.Resource, ct));

    /// <summary>
    /// A health check asking the server itself (a protocol answer, not just an open port), polled quickly while it
    /// is not ready yet (<see cref="ReadinessPollingHealthCheck"/>), so WaitFor sees it ready at once.
    /// </summary>
    public static IResourceBuilder<T> WithProtocolHealthCheck<T>(this IResourceBuilder<T> builder, Func<CancellationToken, Task<HealthCheckResult>> check)
        where T : IResource
    {
        var key = $"{builder.Resource.Name}_ready";
        var health = new ReadinessPollingHealthCheck(new DelegateHealthCheck(check), TimeSpan.FromSeconds(5));
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => health, HealthStatus.Unhealthy, []) { Timeout = health.Timeout });
        return builder.WithHealthCheck(key);
    }

    private sealed class DelegateHealthCheck(Func<CancellationToken, Task<HealthCheckResult>> check) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await check(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(ex.Message, ex);
            }
        }
    }
}
