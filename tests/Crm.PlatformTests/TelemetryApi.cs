using System.Net;
using System.Text.Json;

namespace Crm.PlatformTests;

/// <summary>The Aspire dashboard's telemetry HTTP API (<c>/api/telemetry/...</c>, header <c>x-api-key</c>).</summary>
public sealed class TelemetryApi(Uri dashboard, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GET with the given key, or none: for checking who gets in.</summary>
    public async Task<HttpStatusCode> StatusWithKeyAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Waits until the dashboard answers the API with this key: it is up long before the services are.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout, Func<bool> gaveUp)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await StatusWithKeyAsync("/api/telemetry/resources", apiKey) == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !gaveUp())
            {
                // not listening yet
            }

            (DateTime.UtcNow < deadline && !gaveUp()).ShouldBeTrue("the dashboard did not answer the API with the key");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The spans of one trace, once <paramref name="complete"/> holds: services export in batches, so a trace fills up
    /// over a few seconds.
    /// </summary>
    public async Task<IReadOnlyList<Span>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<Span>, bool> complete, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<Span> spans = [];
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/telemetry/traces/{traceId}");
            request.Headers.Add("x-api-key", apiKey);
            using var response = await _http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                spans = Span.Parse(json.RootElement);
                if (complete(spans))
                {
                    return spans;
                }
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a trace not received yet is 404");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Trace {traceId} was not complete within {timeout.TotalSeconds:F0} s; it has:\n{string.Join('\n', spans)}");
            }

            await Task.Delay(500);
        }
    }

    public void Dispose() => _http.Dispose();
}
