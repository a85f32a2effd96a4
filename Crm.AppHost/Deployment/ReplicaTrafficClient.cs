using System.Net.Http.Json;
using Crm.Contracts.Deployment;

namespace Crm.AppHost.Deployment;

/// <summary>The AppHost's side of a replica's control API (<see cref="ReplicaControl"/>).</summary>
public sealed class ReplicaTrafficClient(HttpClient http, string controlKey)
{
    public Task<ReplicaTraffic> DrainAsync(Uri replica, CancellationToken ct) => SendAsync(HttpMethod.Post, new Uri(replica, ReplicaControl.DrainPath), ct);

    public Task<ReplicaTraffic> StateAsync(Uri replica, CancellationToken ct) => SendAsync(HttpMethod.Get, new Uri(replica, ReplicaControl.TrafficPath), ct);

    private async Task<ReplicaTraffic> SendAsync(HttpMethod method, Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(ReplicaControl.KeyHeader, controlKey);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ReplicaTraffic>(ct)
            ?? throw new InvalidOperationException($"{url} answered no traffic state.");
    }
}
