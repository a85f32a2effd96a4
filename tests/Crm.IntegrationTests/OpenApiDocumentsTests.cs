using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>
/// The web app's types are generated from the OpenAPI documents committed under web/openapi; this
/// keeps them equal to what the services really serve. `./crm openapi` rewrites them.
/// </summary>
public sealed class OpenApiDocumentsTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    public static TheoryData<string> Services => new() { "identity", "sales", "billing", "activities" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_committed_document_matches_the_running_service(string service)
    {
        var live = await LiveDocumentAsync(service);
        var path = Path.Combine(fixture.RepoRoot, "web", "openapi", $"{service}.json");
        if (Environment.GetEnvironmentVariable("CRM_WRITE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing: run ./crm openapi");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        JsonNode.DeepEquals(committed, live).ShouldBeTrue($"{path} is out of date: run ./crm openapi and regenerate the web types (npm run gen:api)");
    }

    private async Task<JsonNode> LiveDocumentAsync(string service)
    {
        var document = (await (await fixture.ServiceClient(service).GetAsync("/openapi/v1.json")).ReadJsonAsync()).AsObject();
        // The server URL names this run's random port; it is not part of the contract.
        document.Remove("servers");
        return document;
    }
}
