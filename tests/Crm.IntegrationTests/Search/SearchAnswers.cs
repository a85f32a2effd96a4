using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace Crm.IntegrationTests.Search;

/// <summary>Reading <c>GET /api/v1/search</c> answers.</summary>
public static class SearchAnswers
{
    public static async Task<JsonNode> SearchAsync(this HttpClient client, string q, string? types = null, int limit = 50)
    {
        var url = $"/api/v1/search?q={Uri.EscapeDataString(q)}&limit={limit}" + (types is null ? "" : $"&types={types}");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static JsonNode? Group(this JsonNode answer, string type) =>
        answer["groups"]!.AsArray().FirstOrDefault(g => g!.Str("type") == type);

    /// <summary>The ids of a type's items, in the answer's order.</summary>
    public static List<string> Ids(this JsonNode answer, string type) =>
        answer.Group(type)?["items"]!.AsArray().Select(i => i!.Str("id")).ToList() ?? [];
}
