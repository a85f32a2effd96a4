using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>Setup → API Clients: integrations with the client credentials grant, through the gateway.</summary>
public sealed class ApiClientsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_client_gets_a_token_with_its_secret_and_calls_the_api_with_its_role_as_the_creator_of_what_it_writes()
    {
        var (client, secret) = await CreateClientAsync("Zapier sync " + Guid.NewGuid().ToString("N")[..6], "User");
        client.Str("client_id").ShouldStartWith("crm_");
        client.Int("version").ShouldBe(1);
        client["is_active"]!.GetValue<bool>().ShouldBeTrue();

        var token = await TokenResponseAsync(client.Str("client_id"), secret);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await token.ReadJsonAsync();
        answer.Str("token_type").ShouldBe("Bearer");
        answer["expires_in"]!.GetValue<int>().ShouldBeGreaterThan(0);
        answer["refresh_token"].ShouldBeNull();
        var api = fixture.CreateClient().WithBearer(answer.Str("access_token"));

        (await api.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var account = await api.PostJsonAsync("/api/v1/accounts", new { name = "Written by an integration " + Guid.NewGuid().ToString("N")[..6] });
        account.StatusCode.ShouldBe(HttpStatusCode.Created, await account.Content.ReadAsStringAsync());
        var created = await account.ReadJsonAsync();
        created.Str("created_by").ShouldBe(client.Str("id"));
        created.Str("created_by_name").ShouldBe($"{client.Str("name")} (API client)");

        // The list never shows the secret again.
        var list = await (await (await AdminAsync()).GetAsync("/api/v1/admin/api-clients?page_size=200")).ReadJsonAsync();
        var row = list["items"]!.AsArray().Single(r => r!.Str("id") == client.Str("id"))!;
        row["client_secret"].ShouldBeNull();
        row.Str("name").ShouldBe(client.Str("name"));
    }

    [Fact]
    public async Task A_wrong_secret_gets_invalid_client()
    {
        var (client, _) = await CreateClientAsync("Wrong secret", "User");

        var token = await TokenResponseAsync(client.Str("client_id"), "not-the-secret");

        token.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized);
        (await token.ReadJsonAsync()).Error().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Disabling_a_client_refuses_its_tokens_at_once_and_it_gets_no_new_ones()
    {
        var (client, secret) = await CreateClientAsync("Disabled soon", "Admin");
        var api = fixture.CreateClient().WithBearer(await (await TokenResponseAsync(client.Str("client_id"), secret)).AccessTokenAsync());
        (await api.GetAsync("/api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await (await AdminAsync()).PutJsonAsync($"/api/v1/admin/api-clients/{client.Str("id")}", new { is_active = false, version = 1 });

        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disabled.ReadJsonAsync()).Int("version").ShouldBe(2);
        (await api.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.GetAsync("/api/v1/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await TokenResponseAsync(client.Str("client_id"), secret);
        again.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized);
        (await again.ReadJsonAsync()).Error().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Rotating_the_secret_stops_the_old_one_and_the_new_one_works()
    {
        var (client, oldSecret) = await CreateClientAsync("Rotated", "User");

        var rotated = await (await AdminAsync()).PostAsync($"/api/v1/admin/api-clients/{client.Str("id")}/rotate-secret", null);

        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await rotated.ReadJsonAsync();
        var newSecret = body.Str("client_secret");
        newSecret.ShouldNotBe(oldSecret);
        body.Int("version").ShouldBe(2);
        (await (await TokenResponseAsync(client.Str("client_id"), oldSecret)).ReadJsonAsync()).Error().ShouldBe("invalid_client");
        (await TokenResponseAsync(client.Str("client_id"), newSecret)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_a_stale_version_is_409_and_only_admins_may_manage_clients()
    {
        var admin = await AdminAsync();
        var bad = await admin.PostJsonAsync("/api/v1/admin/api-clients", new { name = new string('x', 81), role = "Owner" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.ReadJsonAsync();
        problem.ErrorsFor("name").ShouldBe(["Name must be at most 80 characters."]);
        problem.ErrorsFor("role").ShouldBe(["Role must be one of: Admin, User."]);
        (await (await admin.PostJsonAsync("/api/v1/admin/api-clients", new { })).ReadJsonAsync()).ErrorsFor("name").ShouldBe(["Name is required."]);

        var (client, _) = await CreateClientAsync("Versioned", "User");
        (await admin.PutJsonAsync($"/api/v1/admin/api-clients/{client.Str("id")}", new { name = "Renamed", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await admin.PutJsonAsync($"/api/v1/admin/api-clients/{client.Str("id")}", new { name = "Lost update", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync())["current"]!.Str("name").ShouldBe("Renamed");

        var user = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        (await user.GetAsync("/api/v1/admin/api-clients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await user.PostJsonAsync("/api/v1/admin/api-clients", new { name = "Mine", role = "Admin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<HttpClient> AdminAsync() => fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());

    private async Task<(JsonNode Client, string Secret)> CreateClientAsync(string name, string role)
    {
        var created = await (await AdminAsync()).PostJsonAsync("/api/v1/admin/api-clients", new { name, role });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadJsonAsync();
        return (body, body.Str("client_secret"));
    }

    /// <summary>At the gateway, as an integration would.</summary>
    private Task<HttpResponseMessage> TokenResponseAsync(string clientId, string secret) =>
        fixture.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
}
