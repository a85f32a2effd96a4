using Crm.ServiceDefaults.Health;

namespace Crm.Gateway.HealthChecks;

/// <summary>
/// One replica's whole <c>/health</c> answer (each dependency's status), for <c>GET /api/v1/health</c>. Its own
/// HttpClient, without the retries of the defaults: a replica that does not answer is news, not something to hide.
/// </summary>
public sealed class ReplicaHealthReader(HttpClient client)
{
    /// <summary>Longer than a routing probe: a monitor would rather hear why.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<ReplicaHealth> ReadAsync(string service, Uri address, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(address, HealthExtensions.HealthPath), deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return ReplicaHealth.FromAnswer(service, (int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ReplicaHealth.NoAnswer(service, ex is OperationCanceledException ? $"No answer within {Timeout.TotalSeconds:0} s." : "Not reachable.");
        }
    }
}
