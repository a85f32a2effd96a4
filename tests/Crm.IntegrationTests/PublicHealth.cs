using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.IntegrationTests;

/// <summary>The gateway's <c>GET /api/v1/health</c>, read the way a monitor reads it.</summary>
public sealed record PublicHealth(HttpStatusCode Code, JsonNode Body)
{
    public string Status => Body.Str("status");

    public string[] Failing => Body["failing"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    public string? Dependency(string name) => Body["dependencies"]?[name]?.GetValue<string>();

    public string? Service(string name) => Body["services"]?[name]?.GetValue<string>();

    public static async Task<PublicHealth> GetAsync(CrmFixture fixture)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/api/v1/health");
        return new PublicHealth(response.StatusCode, await response.ReadJsonAsync());
    }

    /// <summary>Polls until <paramref name="done"/>; health changes are noticed within a probe or two.</summary>
    public static Task<PublicHealth> WaitForAsync(CrmFixture fixture, Func<PublicHealth, bool> done, TimeSpan timeout, string what) =>
        Eventually.WaitForAsync(() => GetAsync(fixture), done, timeout, what);

    public static Task<PublicHealth> WaitForHealthyAsync(CrmFixture fixture, TimeSpan timeout) =>
        WaitForAsync(fixture, h => h.Code == HttpStatusCode.OK && h.Status == "Healthy", timeout, "health to be Healthy again");

    public override string ToString() => $"{(int)Code} {Body.ToJsonString()}";
}
