using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Crm.PlatformTests;

/// <summary>A browser-like client of the gateway: signed in with the session cookie, sending the CSRF header.</summary>
public sealed class CrmSession : IDisposable
{
    private readonly HttpClient _http;

    private CrmSession(Uri app)
    {
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
    }

    public static async Task<CrmSession> SignInAsync(Uri app, string email, string password)
    {
        var session = new CrmSession(app);
        using var login = await session._http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return session;
    }

    /// <summary>A W3C trace context with a fresh trace id, as a caller that traces its own requests sends it.</summary>
    public static (string TraceId, string ParentSpanId, string Header) NewTraceParent()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var spanId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return (traceId, spanId, $"00-{traceId}-{spanId}-01");
    }

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct = default) => _http.GetAsync(path, ct);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{method} {path}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The answer when it has the <paramref name="expected"/> status, else null (for a call repeated until it does).</summary>
    public async Task<JsonNode?> TrySendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        return response.StatusCode == expected ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    public void Dispose() => _http.Dispose();
}
