using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests.Failover;

/// <summary>
/// A Sales replica is killed under load and kept down, then started again: the gateway notices (a failed
/// connection, then its probes) and sends everything to the other replica. Reads and keyed writes, as the web
/// app sends them, may be resent to the surviving replica; at most one request may fail while the gateway
/// learns, and the replica that comes back rejoins the rotation.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class ReplicaFailoverTests(CrmFixture fixture, ITestOutputHelper output)
{
    private CrmFixture Fixture => fixture;

    private const int Workers = 4;
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LoadAfterRestart = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _failures = new();
    private int _requests;

    [Fact]
    public async Task Killing_one_of_two_sales_replicas_under_load_fails_at_most_one_request()
    {
        Fixture.ReplicaNames("sales").ShouldBe(["sales-1", "sales-2"]);
        using var client = await Fixture.AdminClientAsync();
        client.Timeout = TimeSpan.FromSeconds(30);

        using var stop = new CancellationTokenSource();
        var workload = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(client, w, stop.Token))).ToList();
        // Past the first, slow requests of a fresh start, so both replicas are serving at full speed.
        var warmUp = Stopwatch.StartNew();
        while (_requests < 100 && warmUp.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
        }

        var before = _requests;

        // Killed, then kept from being restarted while the load goes on.
        var clock = Stopwatch.StartNew();
        await Fixture.KillResourceAsync("sales-2");
        await Fixture.StopResourceAsync("sales-2");
        await Task.Delay(LoadAfterKill);
        var whileDown = _requests - before;

        await Fixture.StartResourceAsync("sales-2");
        await Task.Delay(LoadAfterRestart);
        await stop.CancelAsync();
        await Task.WhenAll(workload);

        output.WriteLine($"{_requests} requests ({before} before the kill, {whileDown} in the {LoadAfterKill.TotalSeconds:0} s sales-2 was down, the rest after it was back); {_failures.Count} failed");
        foreach (var failure in _failures)
        {
            output.WriteLine(failure);
        }

        whileDown.ShouldBeGreaterThan(Workers * 10, "the load kept going while sales-2 was down");
        _failures.Count.ShouldBeLessThanOrEqualTo(1);
        var health = await client.GetAsync("/api/v1/health");
        JsonNode.Parse(await health.Content.ReadAsStringAsync())!["replicas"]!["sales-2"]!["status"]!.GetValue<string>().ShouldBe("Healthy", $"sales-2 is back {clock.Elapsed.TotalSeconds:0} s after the kill");
    }

    /// <summary>Lists and creates accounts as the web app does: every POST with its own Idempotency-Key.</summary>
    private async Task WorkAsync(HttpClient client, int worker, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var request = i % 3 == 2
                ? new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
                {
                    Content = JsonContent.Create(new { name = $"Failover {worker}-{i} {Guid.NewGuid():N}"[..28] }),
                    Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
                }
                : new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts?page_size=5");
            Interlocked.Increment(ref _requests);
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    _failures.Enqueue($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }
            catch (HttpRequestException ex)
            {
                _failures.Enqueue($"{request.Method} {request.RequestUri}: {ex.Message}");
            }
        }
    }
}
