using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>A fresh user with an account, a contact at it and an opportunity on it, all known to Activities.</summary>
public sealed record SalesWorld(TestUser User, HttpClient Client, JsonNode Account, JsonNode Contact, JsonNode Opportunity)
{
    public string AccountId => Account.Str("id");

    public string ContactId => Contact.Str("id");

    public string OpportunityId => Opportunity.Str("id");
}

/// <summary>Records created in Sales (and Billing) and waited for until Activities' directories hold them.</summary>
public static class ActivityTestData
{
    public static async Task<SalesWorld> SalesWorldAsync(CrmFixture fixture, string? accountName = null)
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);
        var account = await client.PostJsonAsync("/api/v1/accounts", new { name = accountName ?? Json.Unique("Acme") }).CreatedAsync();
        var contact = await client.PostJsonAsync("/api/v1/contacts", new { first_name = "Jane", last_name = Json.Unique("Doe"), account_id = account.Str("id") }).CreatedAsync();
        var opportunity = await client.PostJsonAsync("/api/v1/opportunities", new { name = Json.Unique("Awesome Project"), stage = "Qualifying", account_id = account.Str("id") }).CreatedAsync();
        await WaitForRecordAsync(fixture, "Account", account.Str("id"));
        await WaitForRecordAsync(fixture, "Contact", contact.Str("id"));
        await WaitForRecordAsync(fixture, "Opportunity", opportunity.Str("id"));
        await WaitForUserAsync(fixture, user.Id);
        return new SalesWorld(user, client, account, contact, opportunity);
    }

    /// <summary>Activities' copy of a record once it is at <paramref name="version"/> or later.</summary>
    public static async Task<JsonNode> WaitForRecordAsync(CrmFixture fixture, string recordType, string id, int version = 1)
    {
        var service = fixture.ServiceClient("activities").WithBearer(await fixture.AdminTokenAsync());
        return await Eventually.WaitForAsync(
            async () =>
            {
                var response = await service.GetAsync($"/internal/v1/directory/records/{recordType}/{id}");
                return response.StatusCode == HttpStatusCode.OK ? await response.ReadJsonAsync() : null;
            },
            record => record is not null && record.Int("version") >= version,
            TimeSpan.FromSeconds(30),
            $"{recordType} {id} at version {version} in Activities' directory") ?? throw new InvalidOperationException();
    }

    public static async Task WaitForUserAsync(CrmFixture fixture, Guid userId)
    {
        var service = fixture.ServiceClient("activities").WithBearer(await fixture.AdminTokenAsync());
        await Eventually.WaitForAsync(
            async () => (await service.GetAsync($"/internal/v1/directory/users/{userId}")).StatusCode,
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            $"user {userId} in Activities' directory");
    }

    /// <summary>A task assigned to <paramref name="assignee"/>; <paramref name="extra"/> adds or overrides fields.</summary>
    public static Task<JsonNode> TaskAsync(this HttpClient client, Guid assignee, string subject, object? extra = null) =>
        client.PostJsonAsync("/api/v1/activities", Body(new { type = "Task", subject, status = "Not Started", priority = "Normal", assigned_to_id = assignee }, extra)).CreatedAsync();

    /// <summary>An event assigned to <paramref name="assignee"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static Task<JsonNode> EventAsync(this HttpClient client, Guid assignee, string subject, string start, string end, object? extra = null) =>
        client.PostJsonAsync("/api/v1/activities", Body(new { type = "Event", subject, start_time = start, end_time = end, assigned_to_id = assignee }, extra)).CreatedAsync();

    /// <summary>A JSON body: <paramref name="fields"/> with <paramref name="extra"/>'s fields added or replacing them (null values included).</summary>
    public static JsonObject Body(object fields, object? extra = null)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(fields)!.AsObject();
        if (extra is not null)
        {
            foreach (var (name, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        }

        return body;
    }

    public static async Task<JsonNode> ProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await call;
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The subjects of a list answer, in order.</summary>
    public static async Task<string[]> SubjectsAsync(this HttpClient client, string url) =>
        (await client.GetAsync(url).OkAsync())["items"]!.AsArray().Select(i => i!.Str("subject")).ToArray();

    public static async Task<T> ScalarAsync<T>(CrmFixture fixture, string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new NpgsqlConnection(fixture.GetConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
