using System.Collections.Concurrent;
using System.Net;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// Processes that crash (SIGKILL) come back by themselves, infrastructure as well as services, and the API
/// works again without anyone starting anything by hand.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class CrashRecoveryTests(CrmFixture fixture)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(180);

    [Theory]
    [InlineData("postgres")]
    [InlineData("rabbitmq")]
    [InlineData("redis")]
    public async Task A_killed_infrastructure_process_is_restarted_and_the_api_works_again(string resource)
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);
        var restarts = fixture.RestartCount(resource);

        await fixture.KillResourceAsync(resource);

        await fixture.WaitHealthyAsync(resource, Recovery);
        // This test process's own pooled connections died with a killed server; later tests must not get them.
        NpgsqlConnection.ClearAllPools();
        // At least once: a restart that comes up while the killed server's last children still hold its port or
        // shared memory ends at once and is retried after a back-off, so one kill can take two starts.
        fixture.RestartCount(resource).ShouldBeGreaterThan(restarts);
        await PublicHealth.WaitForHealthyAsync(fixture, Recovery);

        // Reads, writes, and the events they raise all flow again.
        var created = await Eventually.WaitForAsync(
            () => client.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("After Crash") }),
            r => r.StatusCode == HttpStatusCode.Created,
            Recovery,
            $"an account to be created after {resource} was killed");
        var id = (await created.ReadJsonAsync()).Str("id");
        await client.GetAsync($"/api/v1/accounts/{id}").OkAsync();
        await WaitForActivitiesToKnowAsync(id);
    }

    [Fact]
    public async Task A_killed_service_ends_its_in_flight_requests_as_502_or_503_without_partial_writes_and_comes_back()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var tag = Json.Unique("Inflight");
        var answers = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();

        // Four clients keep creating accounts while the service is killed under them.
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await client.PostJsonAsync("/api/v1/accounts", new { name = $"{tag} {worker}-{i}" });
                answers.Add(response.StatusCode);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    // Pace the retries: a tight loop of 503s would starve the restarting service of CPU.
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Eventually.WaitForAsync(() => Task.FromResult(answers.Count(a => a == HttpStatusCode.Created)), n => n >= 8, TimeSpan.FromSeconds(60), "some accounts before the kill");
        await fixture.KillResourceAsync("sales");
        await Eventually.WaitForAsync(() => Task.FromResult(answers.Count(a => a != HttpStatusCode.Created)), n => n >= 1, TimeSpan.FromSeconds(30), "a failed answer while sales is down");
        await fixture.WaitHealthyAsync("sales", Recovery);
        await Eventually.WaitForAsync(() => Task.FromResult(answers.Count), n => n >= 10, Recovery, "more answers after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        answers.Where(a => a != HttpStatusCode.Created).Distinct().ShouldBeSubsetOf([HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable]);

        // Every account that was stored, whatever its client heard, was stored whole: with its event, which
        // travels in the same transaction (outbox) and reaches Activities.
        var stored = await Eventually.WaitForAsync(
            () => client.GetAsync($"/api/v1/accounts?q={Uri.EscapeDataString(tag)}&page_size=200").OkAsync(),
            page => page["items"]!.AsArray().Count >= answers.Count(a => a == HttpStatusCode.Created),
            Recovery,
            "the accounts of every 201 to be listed");
        foreach (var account in stored["items"]!.AsArray())
        {
            await WaitForActivitiesToKnowAsync(account!.Str("id"));
        }
    }

    private async Task WaitForActivitiesToKnowAsync(string accountId)
    {
        var activities = fixture.ServiceClient("activities").WithBearer(await fixture.AdminTokenAsync());
        await Eventually.WaitForAsync(
            async () => (await activities.GetAsync($"/internal/v1/directory/records/Account/{accountId}")).StatusCode,
            status => status == HttpStatusCode.OK,
            Recovery,
            $"account {accountId} in Activities' directory");
    }
}
