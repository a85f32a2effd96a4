using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.PlatformTests;

/// <summary>
/// Clients that create (with an Idempotency-Key, as the web app does), rename and read accounts through the
/// gateway back to back, noting every request that failed and the last acknowledged write of each account.
/// </summary>
public sealed class AccountWriteLoad(CrmSession session, string prefix)
{
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public string Prefix => prefix;

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Each account created, with the name and version of the last write acknowledged to the client.</summary>
    public ConcurrentDictionary<string, (string Name, int Version)> Written { get; } = new();

    public IReadOnlyList<Task> Start(int clients) =>
        Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientAsync(client))).ToList();

    public async Task WaitForRequestsAsync(int count)
    {
        while (Requests < count)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the clients between requests: a request in flight is answered, never cancelled.</summary>
    public async Task StopAsync(IReadOnlyList<Task> clients)
    {
        await _stop.CancelAsync();
        await Task.WhenAll(clients);
    }

    private async Task ClientAsync(int client)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var name = $"{prefix} {client}-{i}";
            var created = await CallAsync(HttpMethod.Post, "/api/v1/accounts", new { name }, HttpStatusCode.Created, Guid.NewGuid().ToString());
            if (created is null)
            {
                continue;
            }

            var id = (string)created["id"]!;
            Written[id] = (name, (int)created["version"]!);
            var renamed = await CallAsync(HttpMethod.Put, $"/api/v1/accounts/{id}", new { name = name + " renamed", version = (int)created["version"]! }, HttpStatusCode.OK);
            if (renamed is not null)
            {
                Written[id] = ((string)renamed["name"]!, (int)renamed["version"]!);
            }

            await CallAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, HttpStatusCode.OK);
            await CallAsync(HttpMethod.Get, $"/api/v1/accounts?q={Uri.EscapeDataString(prefix)}&sort=-created_at&page_size=10", null, HttpStatusCode.OK);
        }
    }

    private async Task<JsonNode?> CallAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        try
        {
            using var response = await session.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                return JsonNode.Parse(text);
            }

            Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {method} {path}: {(int)response.StatusCode} {text}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {method} {path}: {ex.GetType().Name} {ex.Message}");
        }

        return null;
    }
}
