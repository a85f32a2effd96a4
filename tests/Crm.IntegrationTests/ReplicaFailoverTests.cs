using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crm.AppHost;
using Crm.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Crm.IntegrationTests;

/// <summary>Runs its own CRM with two Sales replicas, so killing one leaves the shared CRM alone.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaFailoverCollection
{
    public const string Name = "replica-failover";
}

/// <summary>
/// A Sales replica is killed under load and kept down, then started again: the gateway notices (a failed
/// connection, then its probes) and sends everything to the other replica. Reads and keyed writes, as the web
/// app sends them, may be resent to the surviving replica; at most one request may fail while the gateway
/// learns, and the replica that comes back rejoins the rotation.
/// </summary>
[Collection(ReplicaFailoverCollection.Name)]
public sealed class ReplicaFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 4;
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LoadAfterRestart = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _failures = new();
    private CrmTopology _crm = null!;
    private int _requests;

    public async Task InitializeAsync()
    {
        var options = new CrmTopologyOptions
        {
            DataDir = Path.Combine(Path.GetTempPath(), "crm-failover-" + Guid.NewGuid().ToString("N")[..12]),
            HttpPort = 0,
            EnableDashboard = false,
            EnvironmentName = "Testing",
            DeleteDataDirOnStop = true,
            AdminEmail = CrmFixture.DefaultAdminEmail,
            AdminPassword = CrmFixture.DefaultAdminPassword,
            Log = message => Console.WriteLine($"[crm-failover] {message}"),
        };
        options.Replicas["sales"] = 2;
        _crm = new CrmTopology(options);
        await _crm.StartAsync();
    }

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    [Fact]
    public async Task Killing_one_of_two_sales_replicas_under_load_fails_at_most_one_request()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_crm.GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));

        using var stop = new CancellationTokenSource();
        var workload = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(client, w, stop.Token))).ToList();
        // Past the first, slow requests of a fresh start, so both replicas are serving at full speed.
        await Eventually.WaitForAsync(() => Task.FromResult(_requests), n => n >= 100, TimeSpan.FromSeconds(90), "the load to warm up");
        var before = _requests;

        // Killed, then kept from being restarted while the load goes on.
        var clock = Stopwatch.StartNew();
        await _crm.KillResourceAsync("sales-2");
        await _crm.StopResourceAsync("sales-2");
        await Task.Delay(LoadAfterKill);
        var whileDown = _requests - before;

        await _crm.StartResourceAsync("sales-2");
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
        (await health.ReadJsonAsync())["replicas"]!["sales-2"]!["status"]!.GetValue<string>().ShouldBe("Healthy", $"sales-2 is back {clock.Elapsed.TotalSeconds:0} s after the kill");
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

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = CrmFixture.DefaultAdminEmail, password = CrmFixture.DefaultAdminPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await login.ReadJsonAsync()).Str("token");
    }
}
