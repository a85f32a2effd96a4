using System.Net;
using System.Net.Http.Json;
using Crm.Contracts.Deployment;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Deployment;

/// <summary>
/// The control API a rolling redeploy drives (docs/operations.md): on every replica, answered only to the key the
/// AppHost generated for the run. Draining itself is exercised by the platform test that redeploys Sales.
/// </summary>
public sealed class ReplicaControlTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    public static TheoryData<string> Services => ["identity", "sales", "billing", "activities"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Without_the_run_s_key_a_replica_answers_401_and_does_not_drain(string service)
    {
        foreach (var replica in fixture.ReplicaNames(service))
        {
            using var http = new HttpClient { BaseAddress = new Uri(fixture.ServiceUrl(replica)) };
            (await http.GetAsync(ReplicaControl.TrafficPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var wrongKey = new HttpRequestMessage(HttpMethod.Post, ReplicaControl.DrainPath);
            wrongKey.Headers.Add(ReplicaControl.KeyHeader, fixture.ReplicaControlKey[..^1] + "x");
            (await http.SendAsync(wrongKey)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await http.PostAsync(ReplicaControl.DrainPath, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            (await http.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{replica} still in rotation");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task With_the_key_a_replica_reports_the_gateway_s_probes_and_nothing_draining(string service)
    {
        foreach (var replica in fixture.ReplicaNames(service))
        {
            using var http = new HttpClient { BaseAddress = new Uri(fixture.ServiceUrl(replica)) };
            http.DefaultRequestHeaders.Add(ReplicaControl.KeyHeader, fixture.ReplicaControlKey);
            var before = await http.GetFromJsonAsync<ReplicaTraffic>(ReplicaControl.TrafficPath);
            before.ShouldNotBeNull().Draining.ShouldBeFalse();

            // The gateway's active health check probes every replica's /alive every 5 s.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            ReplicaTraffic? after;
            do
            {
                await Task.Delay(500);
                after = await http.GetFromJsonAsync<ReplicaTraffic>(ReplicaControl.TrafficPath);
            }
            while (after!.AliveProbesAnswered <= before.AliveProbesAnswered && DateTime.UtcNow < deadline);

            after.AliveProbesAnswered.ShouldBeGreaterThan(before.AliveProbesAnswered, $"{replica} is probed by the gateway");
            after.AliveProbesRefused.ShouldBe(0);
        }
    }
}
