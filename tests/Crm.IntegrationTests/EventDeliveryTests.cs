using System.Net;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>Outbox → RabbitMQ → inbox, end to end: Identity's user events reach Billing's and Activities' directories.</summary>
[Collection(DisruptiveCollection.Name)]
public sealed class EventDeliveryTests(CrmFixture fixture)
{
    [Fact]
    public async Task A_user_created_while_the_consumer_is_down_is_applied_once_after_it_restarts()
    {
        await fixture.StopResourceAsync("billing");
        Guid userId;
        try
        {
            var user = await TestUsers.CreateAsync(fixture);
            userId = user.Id;
            // Activities is up and gets it; Billing is down, so the event waits in its queue.
            await WaitForDirectoryAsync("activities", userId);
            (await CountAsync("billingdb", "SELECT count(*) FROM directory_users WHERE id = @id", userId)).ShouldBe(0);
        }
        finally
        {
            await fixture.StartResourceAsync("billing");
        }

        await WaitForDirectoryAsync("billing", userId);
        var messageId = await SingleInboxMessageAsync("billingdb", userId);

        // Publish the same message again (as a crashed dispatcher would after a retry): the inbox swallows it.
        var processedAt = await ScalarAsync<DateTime>("billingdb", "SELECT processed_at FROM inbox_messages WHERE message_id = @id", messageId);
        await ExecuteAsync("identitydb", "UPDATE outbox_messages SET dispatched_at = NULL WHERE message_id = @id", messageId);
        await Eventually.WaitForAsync(
            () => CountAsync("identitydb", "SELECT count(*) FROM outbox_messages WHERE message_id = @id AND dispatched_at IS NOT NULL", messageId),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the outbox row to be published again");
        await Task.Delay(TimeSpan.FromSeconds(2));

        (await CountAsync("billingdb", "SELECT count(*) FROM inbox_messages WHERE message_id = @id", messageId)).ShouldBe(1);
        (await ScalarAsync<DateTime>("billingdb", "SELECT processed_at FROM inbox_messages WHERE message_id = @id", messageId)).ShouldBe(processedAt);
        (await CountAsync("billingdb", "SELECT count(*) FROM directory_users WHERE id = @id", userId)).ShouldBe(1);
    }

    [Fact]
    public async Task Renames_and_deactivations_follow_in_order_and_a_stale_copy_never_wins()
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var user = await TestUsers.CreateAsync(fixture);
        (await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { last_name = "Renamed", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutJsonAsync($"/api/v1/admin/users/{user.Id}", new { is_active = false, version = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var service in new[] { "billing", "activities", "sales" })
        {
            var copy = await Eventually.WaitForAsync(
                async () => await (await fixture.ServiceClient(service).WithBearer(await fixture.AdminTokenAsync()).GetAsync($"/internal/v1/directory/users/{user.Id}")).Content.ReadAsStringAsync(),
                body => body.Contains("\"version\":3", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                $"{service} to see version 3");
            copy.ShouldContain("\"last_name\":\"Renamed\"");
            copy.ShouldContain("\"is_active\":false");
        }
    }

    private async Task WaitForDirectoryAsync(string service, Guid userId) =>
        await Eventually.WaitForAsync(
            async () => (await fixture.ServiceClient(service).WithBearer(await fixture.AdminTokenAsync()).GetAsync($"/internal/v1/directory/users/{userId}")).StatusCode,
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            $"user {userId} in {service}'s directory");

    private async Task<Guid> SingleInboxMessageAsync(string database, Guid userId)
    {
        // The UserCreated message of this user is the one whose id is in Identity's outbox with this user id.
        await using var identity = new NpgsqlConnection(fixture.GetConnectionString("identitydb"));
        await identity.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT message_id FROM outbox_messages WHERE message_type LIKE '%UserCreated' AND payload->>'userId' = @id", identity);
        find.Parameters.AddWithValue("id", userId.ToString());
        var messageId = (Guid)(await find.ExecuteScalarAsync())!;
        (await CountAsync(database, "SELECT count(*) FROM inbox_messages WHERE message_id = @id", messageId)).ShouldBe(1);
        return messageId;
    }

    private async Task<long> CountAsync(string database, string sql, Guid id) => await ScalarAsync<long>(database, sql, id);

    private async Task<T> ScalarAsync<T>(string database, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string database, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
