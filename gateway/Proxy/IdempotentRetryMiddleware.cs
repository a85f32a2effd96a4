using Crm.Gateway.Problems;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Crm.Gateway.Proxy;

/// <summary>
/// YARP does not retry. A request that failed on its way to a replica before any answer came back (the
/// connection was refused, or broke before the response headers: a replica that died) is sent once more to
/// another replica, but only when resending cannot do the work twice: GET, HEAD, and requests carrying an
/// <c>Idempotency-Key</c> (the service replays its stored answer; their body is buffered for the resend).
/// A bare POST, PUT or DELETE is never resent: the first replica may have done the work before it broke off.
/// Runs before load balancing, which then picks among the replicas left.
/// </summary>
public sealed class IdempotentRetryMiddleware(RequestDelegate next, ILogger<IdempotentRetryMiddleware> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool IsIdempotent(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(IdempotencyKeyHeader);

    /// <summary>Failures where the replica sent nothing back: the request may not have reached it, or it died with it.</summary>
    public static bool IsRetriable(ForwarderError error) => error is ForwarderError.Request or ForwarderError.RequestBodyDestination;

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        if (!IsIdempotent(context.Request) || proxy.AllDestinations.Count < 2)
        {
            await next(context);
            return;
        }

        if (HasBody(context.Request))
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (await BufferedBody.ReadAsync(context, limit, GatewayProblems.BodyTooLarge(limit ?? 0)) is not { } body)
            {
                return;
            }

            context.Request.Body = new MemoryStream(body, writable: false);
        }

        var candidates = proxy.AvailableDestinations;
        await next(context);

        if (context.Features.Get<IForwarderErrorFeature>() is not { } error
            || !IsRetriable(error.Error)
            || context.Response.HasStarted
            || context.RequestAborted.IsCancellationRequested
            || proxy.ProxiedDestination is not { } failed)
        {
            return;
        }

        var others = candidates.Where(d => d != failed).ToList();
        if (others.Count == 0)
        {
            // The failed one was the only replica believed healthy; the others may be better than their reputation.
            others = proxy.AllDestinations.Where(d => d != failed).ToList();
        }

        logger.LogWarning(error.Exception, "{Method} {Path} failed at {Destination} before any answer; sending it to another replica",
            context.Request.Method, context.Request.Path, failed.DestinationId);

        // Only the status is reset: cookies a session refresh set on this response must survive the retry.
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (context.Request.Body.CanSeek)
        {
            context.Request.Body.Position = 0;
        }

        proxy.AvailableDestinations = others;
        proxy.ProxiedDestination = null;
        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0);
}
