using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.IntegrationTests;

/// <summary>
/// Identity's <c>/connect/token</c> asked straight, as the gateway's confidential client: for tests that need the
/// refresh token (which the gateway never hands out) or must pass the gateway's login rate limit.
/// </summary>
public static class IdentityTokenEndpoint
{
    public static Task<HttpResponseMessage> PasswordGrantAsync(this CrmFixture fixture, string email, string password, params (string Name, string Value)[] extra) =>
        fixture.TokenRequestAsync([("grant_type", "password"), ("username", email), ("password", password), ("scope", "openid offline_access"), .. extra]);

    public static Task<HttpResponseMessage> RefreshGrantAsync(this CrmFixture fixture, string refreshToken) =>
        fixture.TokenRequestAsync([("grant_type", "refresh_token"), ("refresh_token", refreshToken)]);

    public static Task<HttpResponseMessage> TokenRequestAsync(this CrmFixture fixture, IEnumerable<(string Name, string Value)> form) =>
        fixture.ServiceClient("identity").PostAsync("/connect/token", new FormUrlEncodedContent(
            form.Append(("client_id", "crm-gateway")).Append(("client_secret", fixture.GatewayClientSecret))
                .Select(f => KeyValuePair.Create(f.Item1, f.Item2))));

    /// <summary>The access token of a successful token answer.</summary>
    public static async Task<string> AccessTokenAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).Str("access_token");
    }

    public static string? Error(this JsonNode body) => (string?)body["error"];
}
