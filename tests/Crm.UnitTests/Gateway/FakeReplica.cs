using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crm.UnitTests.Gateway;

/// <summary>
/// A stand-in for one replica of a service on a loopback port: answers every path with its own name and records
/// what reached it. <c>/alive</c> and <c>/health</c> answer healthy; a path ending in <c>/break</c> drops the
/// connection before any answer, as a replica that dies mid-request does.
/// </summary>
public sealed class FakeReplica : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeReplica(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Url => _app.Urls.Single();

    public ConcurrentQueue<Call> Calls { get; } = new();

    public static async Task<FakeReplica> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var replica = new FakeReplica(name, app);
        app.MapGet("/alive", () => "Healthy");
        app.MapGet("/health", () => Results.Text("""{"status":"Healthy","checks":{"self":{"status":"Healthy"},"database":{"status":"Healthy"}}}""", "application/json"));
        app.Map("/{**path}", replica.AnswerAsync);
        await app.StartAsync();
        return replica;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Calls.Enqueue(new Call(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            body,
            context.Request.Headers["Idempotency-Key"].ToString(),
            context.Request.Headers.Cookie.ToString(),
            context.Request.Headers["X-Forwarded-For"].ToString()));

        if (context.Request.Path.Value!.EndsWith("/break", StringComparison.Ordinal))
        {
            context.Abort();
            return;
        }

        context.Response.Headers.Server = "Kestrel";
        await context.Response.WriteAsync(Name);
    }

    public sealed record Call(string Method, string PathAndQuery, string Body, string IdempotencyKey, string Cookie, string ForwardedFor);
}
