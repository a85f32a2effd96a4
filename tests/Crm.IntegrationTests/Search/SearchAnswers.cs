using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace Crm.IntegrationTests.Search;

/// <summary>Reading <c>GET /api/v1/search</c> answers.</summary>
public static class SearchAnswers
{
    /// <summary>
    /// A complete answer: a service that missed the gateway's 2 s deadline on a machine busy with other tests
    /// makes the answer partial, which says nothing about ranking or matching, so that is asked again.
    /// </summary>
    public static async Task<JsonNode> SearchAsync(this HttpClient client, string q, string? types = null, int limit = 50)
    {
        var answer = await client.SearchOnceAsync(q, types, limit);
        for (var attempt = 1; attempt < 5 && answer["partial"]!.GetValue<bool>(); attempt++)
        {
            answer = await client.SearchOnceAsync(q, types, limit);
        }

        answer["partial"]!.GetValue<bool>().ShouldBeFalse(answer.ToJsonString());
        return answer;
    }

    /// <summary>One answer, partial or not.</summary>
    public static async Task<JsonNode> SearchOnceAsync(this HttpClient client, string q, string? types = null, int limit = 50)
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
