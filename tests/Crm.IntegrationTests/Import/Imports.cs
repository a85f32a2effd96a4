using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Crm.IntegrationTests.Import;

/// <summary>Sends CSV files to <c>POST /{list}/import</c> as the wizard does (text/csv, UTF-8).</summary>
public static class Imports
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string list, string csv, string query = "") =>
        client.ImportAsync(list, Encoding.UTF8.GetBytes(csv), query);

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string list, byte[] csv, string query = "")
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync($"/api/v1/{list}/import{query}", content);
    }

    /// <summary>The (row, field) pairs of an answer's errors, "3:email".</summary>
    public static string[] ErrorCells(this JsonNode answer) =>
        answer["errors"]!.AsArray().OfType<JsonNode>().Select(e => $"{e.Int("row")}:{e.Str("field")}").ToArray();

    public static async Task<string[]> NamesAsync(this HttpClient client, string list, string q) =>
        (await client.GetAsync($"/api/v1/{list}?q={q}&page_size=200").OkAsync())["items"]!.AsArray().Select(i => i!.Str("name")).Order(StringComparer.Ordinal).ToArray();
}
