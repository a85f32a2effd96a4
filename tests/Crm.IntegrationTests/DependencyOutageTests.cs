using System.Net;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// A dependency that is down, as clients see it: the database down means 503 with Retry-After and nothing
/// written; the broker down means Degraded, writes still accepted and their events delivered once it is back.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed class DependencyOutageTests(CrmFixture fixture)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task With_the_database_down_data_endpoints_answer_503_with_retry_after_write_nothing_and_health_names_it()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var name = Json.Unique("Outage Ltd");

        await fixture.StopResourceAsync("postgres");
        try
        {
            var list = await client.GetAsync("/api/v1/accounts");
            await ShouldBeRetryableAsync(list);

            var create = await client.PostJsonAsync("/api/v1/accounts", new { name });
            await ShouldBeRetryableAsync(create);

            var health = await PublicHealth.WaitForAsync(
                fixture,
                h => h.Code == HttpStatusCode.ServiceUnavailable && h.Dependency("database") == "Unhealthy",
                TimeSpan.FromSeconds(30),
                "health to name the database");
            health.Status.ShouldBe("Unhealthy");
            health.Failing.ShouldBe(["activities", "billing", "identity", "sales"], ignoreOrder: true);
            foreach (var replica in fixture.ReplicaNames("sales"))
            {
                health.Body["replicas"]![replica]!["checks"]!["database"]!.GetValue<string>().ShouldBe("Unhealthy");
            }

            health.Dependency("redis").ShouldBe("Healthy");
        }
        finally
        {
            await fixture.StartResourceAsync("postgres");
            // This test process's own pooled connections died with the server; later tests must not get them.
            NpgsqlConnection.ClearAllPools();
        }

        await Eventually.WaitForAsync(() => client.GetAsync("/api/v1/accounts"), r => r.StatusCode == HttpStatusCode.OK, Recovery, "the account list to answer again");
        await PublicHealth.WaitForHealthyAsync(fixture, Recovery);
        var found = await client.GetAsync($"/api/v1/accounts?q={Uri.EscapeDataString(name)}").OkAsync();
        found["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task With_the_broker_down_health_is_degraded_writes_succeed_and_their_events_arrive_once_it_is_back()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var activities = fixture.ServiceClient("activities").WithBearer(await fixture.AdminTokenAsync());

        await fixture.StopResourceAsync("rabbitmq");
        string id;
        try
        {
            var health = await PublicHealth.WaitForAsync(
                fixture,
                h => h.Dependency("rabbitmq") == "Degraded",
                TimeSpan.FromSeconds(60),
                "health to name the broker");
            health.Code.ShouldBe(HttpStatusCode.OK);
            health.Status.ShouldBe("Degraded");
            health.Failing.ShouldContain("sales");
            health.Service("sales").ShouldBe("Degraded");
            health.Dependency("database").ShouldBe("Healthy");

            var account = await client.PostJsonAsync("/api/v1/accounts", new { name = Json.Unique("Queued Co") }).CreatedAsync();
            id = account.Str("id");
            (await activities.GetAsync($"/internal/v1/directory/records/Account/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            await fixture.StartResourceAsync("rabbitmq");
        }

        await Eventually.WaitForAsync(
            async () => (await activities.GetAsync($"/internal/v1/directory/records/Account/{id}")).StatusCode,
            status => status == HttpStatusCode.OK,
            Recovery,
            "the account written while the broker was down to reach Activities");
        await PublicHealth.WaitForHealthyAsync(fixture, Recovery);
    }

    private static async Task ShouldBeRetryableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        response.Headers.RetryAfter.ShouldNotBeNull(body);
        response.Headers.RetryAfter.Delta.ShouldNotBeNull(body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
