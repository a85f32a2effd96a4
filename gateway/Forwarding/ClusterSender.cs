using Crm.Gateway.LoadBalancing;
using Crm.Gateway.Problems;

namespace Crm.Gateway.Forwarding;

/// <summary>
/// Sends a request to a cluster: round robin over healthy replicas (all of them when none is), passive
/// health on connection failures, the 502/503/504 mapping, and one retry on another replica for
/// idempotent requests only: GET, HEAD, and requests carrying an <c>Idempotency-Key</c> (the service
/// runs those at most once, so resending is safe). A bare POST, PUT or DELETE is never resent: the
/// first replica may have done the work before the connection broke.
/// </summary>
public sealed class ClusterSender(HttpForwarder forwarder, TimeProvider time, ILogger<ClusterSender> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Whether the request may be sent again after a failure.</summary>
    public static bool IsIdempotent(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(IdempotencyKeyHeader);

    /// <param name="body">Makes a fresh body per attempt (buffered bodies); null streams the request body.</param>
    public async Task<ProxyResult> SendAsync(HttpContext context, ClusterState cluster, Func<HttpContent>? body = null)
    {
        var method = context.Request.Method;
        var idempotent = IsIdempotent(context.Request);
        var hasStreamedBody = body is null
            && (context.Request.ContentLength is not (null or 0) || context.Request.Headers.TransferEncoding.Count > 0);
        if (hasStreamedBody && idempotent && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            // A keyed write's body is held so a retry can resend it (API bodies are small; Kestrel's limit applies).
            try
            {
                var buffered = await ReadBodyAsync(context);
                body = () => new ByteArrayContent(buffered);
                hasStreamedBody = false;
            }
            catch (BadHttpRequestException bad)
            {
                return ProxyResult.Failed(GatewayProblems.BadClientRequest(bad.StatusCode, bad.Message));
            }
            catch (Exception ex) when ((ex is IOException or OperationCanceledException) && context.RequestAborted.IsCancellationRequested)
            {
                return ProxyResult.Aborted();
            }
        }

        // Only a body that can be sent again can be retried.
        var attempts = idempotent && !hasStreamedBody ? 2 : 1;

        // With no replica believed healthy, requests still go out; if they can't connect, the service is down: 503.
        var anyHealthy = cluster.HasHealthyDestination(time.GetUtcNow());
        DestinationState? failed = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var destination = cluster.PickDestination(time.GetUtcNow(), exclude: failed);
            if (destination is null)
            {
                return ProxyResult.Failed(failed is null || !anyHealthy
                    ? GatewayProblems.NoHealthyDestination(cluster.Id)
                    : GatewayProblems.Unreachable(cluster.Id));
            }

            try
            {
                return ProxyResult.Answered(await forwarder.SendAsync(context, destination.Address, body?.Invoke()));
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                var failure = ForwardingFailures.Classify(ex, context.RequestAborted);
                switch (failure)
                {
                    case ForwardingFailure.ClientAborted:
                        return ProxyResult.Aborted();
                    case ForwardingFailure.BadClientRequest:
                        var bad = ForwardingFailures.FindBadRequest(ex)!;
                        return ProxyResult.Failed(GatewayProblems.BadClientRequest(bad.StatusCode, bad.Message));
                    case ForwardingFailure.Timeout:
                        logger.LogWarning("{Cluster}/{Destination} did not answer {Method} {Path} in time", cluster.Id, destination.Id, method, context.Request.Path);
                        return ProxyResult.Failed(GatewayProblems.Timeout(cluster.Id));
                    case ForwardingFailure.Unreachable:
                        logger.LogWarning(ex, "{Cluster}/{Destination} at {Address} is unreachable", cluster.Id, destination.Id, destination.Address);
                        if (cluster.PassiveHealthCheck)
                        {
                            destination.ReportConnectFailure(time.GetUtcNow());
                        }

                        failed = destination;
                        continue;
                    default:
                        logger.LogWarning(ex, "{Cluster}/{Destination} broke off {Method} {Path}", cluster.Id, destination.Id, method, context.Request.Path);
                        // The replica may have died with the request: an idempotent one goes to another replica.
                        if (attempt < attempts && cluster.Destinations.Count > 1)
                        {
                            failed = destination;
                            continue;
                        }

                        return ProxyResult.Failed(GatewayProblems.BadResponse(cluster.Id));
                }
            }
        }

        return ProxyResult.Failed(anyHealthy ? GatewayProblems.Unreachable(cluster.Id) : GatewayProblems.NoHealthyDestination(cluster.Id));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
