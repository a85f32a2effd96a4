using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed record TestUser(Guid Id, string Email, string Password, string Token);

/// <summary>Creates users the way an admin does (POST, then the one-time link) and signs them in.</summary>
public static class TestUsers
{
    public const string Password = "Welcome2Crm";

    public static async Task<TestUser> CreateAsync(CrmFixture fixture, string role = "User")
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var email = $"{Guid.NewGuid():N}@agency.test";
        var created = await admin.PostJsonAsync("/api/v1/admin/users", new { first_name = "Test", last_name = "User " + email[..6], email, role });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadJsonAsync();
        await SetPasswordAsync(fixture, body.Str("set_password_url"), Password);
        // Straight to Identity so that creating many users does not trip the gateway's login rate limit.
        var token = await (await fixture.PasswordGrantAsync(email, Password)).AccessTokenAsync();
        return new TestUser(Guid.Parse(body.Str("id")), email, Password, token);
    }

    public static async Task SetPasswordAsync(CrmFixture fixture, string setPasswordUrl, string password)
    {
        var response = await fixture.CreateClient().PostJsonAsync("/api/v1/auth/set-password", new { token = TokenFrom(setPasswordUrl), new_password = password });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static string TokenFrom(string setPasswordUrl) =>
        Uri.UnescapeDataString(new Uri(setPasswordUrl).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);

    public static async Task<string> LoginTokenAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostJsonAsync("/api/v1/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Str("token");
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client talking straight to one service process, bypassing the gateway.</summary>
    public static HttpClient ServiceClient(this CrmFixture fixture, string service) =>
        new() { BaseAddress = new Uri(fixture.ServiceUrl(service)) };

    public static async Task<JsonNode> GetUserAsync(CrmFixture fixture, Guid id)
    {
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var response = await admin.GetAsync($"/api/v1/admin/users/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}

public static class AdminToken
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Token, DateTime Expires)? _cached;

    /// <summary>The first admin's token, logged in once (straight at Identity) and reused until near expiry.</summary>
    public static async Task<string> AdminTokenAsync(this CrmFixture fixture)
    {
        await Gate.WaitAsync();
        try
        {
            if (_cached is not { } cached || cached.Expires < DateTime.UtcNow.AddMinutes(2))
            {
                var response = await fixture.PasswordGrantAsync(fixture.AdminEmail, fixture.AdminPassword);
                response.EnsureSuccessStatusCode();
                var body = await response.ReadJsonAsync();
                _cached = (body.Str("access_token"), DateTime.UtcNow.AddSeconds(body["expires_in"]!.GetValue<int>()));
            }

            return _cached.Value.Token;
        }
        finally
        {
            Gate.Release();
        }
    }
}
