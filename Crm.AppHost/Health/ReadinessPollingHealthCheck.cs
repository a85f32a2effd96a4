using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Health;

/// <summary>
/// Aspire asks a resource that is not Healthy yet again after 1, 2, 3, 4 and then every 5 s, so a resource that
/// becomes ready just after a check is seen up to 5 s late, and every WaitFor behind it starts that much later (a
/// start chains three of them). While the last answer was not Healthy this check asks its inner check again every
/// quarter second for up to <see cref="Window"/> before it answers: readiness is seen at once. Once Healthy it
/// asks once per check, so a failure is still reported at the first check that sees it.
/// </summary>
public sealed class ReadinessPollingHealthCheck(IHealthCheck inner, TimeSpan attemptTimeout) : IHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private volatile bool _wasHealthy;

    /// <summary>For the registration: room for the window and one more attempt after it.</summary>
    public TimeSpan Timeout => Window + attemptTimeout + attemptTimeout;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await AttemptAsync(context, cancellationToken);
        if (!_wasHealthy)
        {
            while (result.Status != HealthStatus.Healthy && Stopwatch.GetElapsedTime(started) < Window)
            {
                await Task.Delay(Step, cancellationToken);
                result = await AttemptAsync(context, cancellationToken);
            }
        }

        _wasHealthy = result.Status == HealthStatus.Healthy;
        return result;
    }

    private async Task<HealthCheckResult> AttemptAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(attemptTimeout);
        try
        {
            return await inner.CheckHealthAsync(context, attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"no answer within {attemptTimeout.TotalSeconds:0} s");
        }
    }
}
