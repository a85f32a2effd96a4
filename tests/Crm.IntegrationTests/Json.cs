using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.IntegrationTests;

/// <summary>Tests read answers as raw JSON so they check the wire contract (snake_case names, strings), not our own DTOs.</summary>
public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Empty JSON body ({(int)response.StatusCode}).");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    public static string Str(this JsonNode node, string name) => node[name]?.GetValue<string>() ?? throw new KeyNotFoundException(name);

    public static int Int(this JsonNode node, string name) => node[name]?.GetValue<int>() ?? throw new KeyNotFoundException(name);

    public static string[] ErrorsFor(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
