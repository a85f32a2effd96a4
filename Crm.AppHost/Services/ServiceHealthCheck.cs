using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Services;

/// <summary>
/// A service's <c>/health</c>, read more strictly than its status code: the service answers 200 while the
/// broker is down (events wait in the outbox), but it is only Healthy here once its broker check is too. So
/// WaitFor starts Identity after the consumers have bound their queues: the first admin's UserCreated,
/// published as Identity starts, would be dropped by an exchange with no queue bound yet.
/// </summary>
public sealed class ServiceHealthCheck(Func<Uri> baseAddress, IHttpClientFactory clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient(nameof(ServiceHealthCheck));
            using var response = await client.GetAsync(new Uri(baseAddress(), "/health"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy($"/health answered {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var broker = body.TryGetProperty("checks", out var checks) && checks.TryGetProperty("rabbitmq", out var rabbit)
                ? rabbit.GetProperty("status").GetString()
                : "Healthy";
            return broker == "Healthy"
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("not connected to the broker yet");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
