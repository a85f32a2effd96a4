using System.Text;
using System.Text.Json.Nodes;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class RequestTextGuardTests
{
    private static DefaultHttpContext Context(string query = "", string? json = null, bool routed = true)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        if (routed)
        {
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "test"));
        }

        return context;
    }

    private static async Task<(bool Passed, JsonNode? Problem)> RunAsync(DefaultHttpContext context)
    {
        var passed = false;
        await new RequestTextGuard(_ =>
        {
            passed = true;
            return Task.CompletedTask;
        }).InvokeAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (passed, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task A_nul_in_a_query_value_is_a_400_naming_the_parameter()
    {
        var context = Context("?q=a%00b&page=2");

        var (passed, problem) = await RunAsync(context);

        passed.ShouldBeFalse();
        context.Response.StatusCode.ShouldBe(400);
        problem!["errors"]!["q"]![0]!.GetValue<string>().ShouldBe(JsonTextScanner.NulMessage);
        problem["errors"]!.AsObject().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_nul_in_a_route_value_is_a_400()
    {
        var context = Context();
        context.Request.RouteValues["recordType"] = "Acc\0ount";

        var (passed, problem) = await RunAsync(context);

        passed.ShouldBeFalse();
        problem!["errors"]!["recordType"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Unstorable_json_text_is_a_400_naming_each_field()
    {
        var context = Context(json: """{"name":"a\u0000b","notes":"\ud800","ok":"fine"}""");

        var (passed, problem) = await RunAsync(context);

        passed.ShouldBeFalse();
        context.Response.StatusCode.ShouldBe(400);
        problem!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["name", "notes"]);
    }

    [Fact]
    public async Task A_clean_body_reaches_the_endpoint_unchanged()
    {
        const string json = """{"name":"Zoë \ud83d\ude00","notes":"two\nlines"}""";
        var context = Context("?q=acme", json);
        string? seen = null;

        await new RequestTextGuard(async c => seen = await new StreamReader(c.Request.Body).ReadToEndAsync()).InvokeAsync(context);

        seen.ShouldBe(json);
    }

    [Fact]
    public async Task Requests_that_matched_no_endpoint_are_left_to_the_404()
    {
        var (passed, _) = await RunAsync(Context("?q=%00", routed: false));

        passed.ShouldBeTrue();
    }
}
