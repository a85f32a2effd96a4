using System.Diagnostics;
using System.Net;
using Crm.Gateway.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Crm.Gateway.Forwarding;

/// <summary>
/// Forwards one request to one destination and copies the answer back, streaming both bodies.
/// The stand-in for YARP's IHttpForwarder; load balancing and retries live in <see cref="ClusterSender"/>.
/// </summary>
public sealed class HttpForwarder(HttpClient client, IOptions<GatewayOptions> options)
{
    // Headers we never copy from the browser: cookies stay at the gateway (the session is turned into a
    // bearer instead), Host is the destination's, and X-Forwarded-* are ours to set, not the client's.
    private static readonly HashSet<string> DroppedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cookie",
        "Host",
        "X-Forwarded-For",
        "X-Forwarded-Proto",
        "X-Forwarded-Host",
        "Forwarded",
    };

    // With a current Activity the handler injects its own (child) context; a copied header would win.
    private static readonly HashSet<string> TraceHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "traceparent",
        "tracestate",
        "Request-Id",
        "baggage",
    };

    // The gateway does not advertise server software (Kestrel's header is off), nor passes the services' on.
    private static readonly string[] DroppedResponseHeaders = ["Server"];

    private readonly TimeSpan _requestTimeout = options.Value.Forwarder.RequestTimeout;

    /// <summary>
    /// Sends the request and returns once the response headers are in. The caller owns the response.
    /// </summary>
    /// <param name="body">Replacement body (e.g. an already buffered one); null streams the request body.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpContext context, Uri destination, HttpContent? body = null)
    {
        using var request = CreateRequest(context, destination, body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(_requestTimeout);

        // The token only guards the wait for headers; the body copy is bound to RequestAborted.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    /// <summary>Status, headers and a streamed body. Aborts the connection if the service breaks off mid-body.</summary>
    public async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response)
    {
        var target = context.Response;
        target.StatusCode = (int)response.StatusCode;
        CopyResponseHeaders(response, target);

        // Pass every chunk on as it arrives (server-sent events, large exports).
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await source.CopyToAsync(target.Body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            // Headers are gone already: the only honest signal left is a broken connection.
            context.Abort();
        }
    }

    public static void CopyResponseHeaders(HttpResponseMessage response, HttpResponse target, params string[] except)
    {
        var listed = HopByHopHeaders.ListedIn(response.Headers.Connection);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (HopByHopHeaders.IsHopByHop(name, listed)
                || DroppedResponseHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
                || except.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            target.Headers.Append(name, new StringValues(values.ToArray()));
        }
    }

    public static HttpRequestMessage CreateRequest(HttpContext context, Uri destination, HttpContent? body)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), DestinationUri(destination, incoming.Path, incoming.QueryString))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        if (body is not null)
        {
            request.Content = body;
        }
        else if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            // Streamed, never buffered: uploads go through at the speed the service reads them.
            request.Content = new StreamContent(incoming.Body);
        }

        var listed = HopByHopHeaders.ListedIn(incoming.Headers.Connection);
        var dropTrace = Activity.Current is not null;
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.StartsWith(':')
                || HopByHopHeaders.IsHopByHop(name, listed)
                || DroppedRequestHeaders.Contains(name)
                || (dropTrace && TraceHeaders.Contains(name))
                || (body is not null && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ClientIp.Of(context));
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return request;
    }

    /// <summary>Destination base + the unchanged public path: services serve <c>/api/v1/...</c> themselves.</summary>
    public static Uri DestinationUri(Uri destination, PathString path, QueryString query)
    {
        var prefix = destination.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(prefix + path.ToUriComponent() + query.ToUriComponent(), UriKind.Absolute);
    }
}
