using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Events;
using Crm.Testing;
using RabbitMQ.Client;

namespace Crm.IntegrationTests;

/// <summary>What the broker holds, for tests that follow a message through queues.</summary>
public static class Broker
{
    /// <summary>The input queue of a service's consumer, by a fragment of its name (billing, "account-directory").</summary>
    public static async Task<string> QueueAsync(this CrmFixture fixture, string service, string fragment)
    {
        var run = CrmRun.Load(fixture.DataDir);
        using var http = new HttpClient { BaseAddress = new Uri(run.RabbitMqManagement + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(new Uri(run.RabbitMq).UserInfo)));
        var queues = await http.GetFromJsonAsync<JsonArray>("api/queues?columns=name") ?? [];
        return queues.Select(q => q!["name"]!.GetValue<string>())
            .Single(n => n.StartsWith(service + "-", StringComparison.Ordinal) && n.Contains(fragment, StringComparison.Ordinal) && !n.Contains('_'));
    }

    /// <summary>Messages ready for delivery in a queue (not those a consumer holds unacknowledged).</summary>
    public static async Task<uint> ReadyAsync(this CrmFixture fixture, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(CrmRun.Load(fixture.DataDir).RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
