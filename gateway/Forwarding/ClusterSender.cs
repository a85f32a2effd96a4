using Crm.Gateway.LoadBalancing;
using Crm.Gateway.Problems;

namespace Crm.Gateway.Forwarding;

/// <summary>
/// Sends a request to a cluster: round robin over healthy replicas (all of them when none is), passive
/// health on connection failures, one retry on another replica for GET/HEAD, and the 502/503/504 mapping.
/// </summary>
public sealed class ClusterSender(HttpForwarder forwarder, TimeProvider time, ILogger<ClusterSender> logger)
{
    /// <param name="body">Makes a fresh body per attempt (buffered bodies); null streams the request body.</param>
    public async Task<ProxyResult> SendAsync(HttpContext context, ClusterState cluster, Func<HttpContent>? body = null)
    {
        var method = context.Request.Method;
        // Only requests without a streamed body can be replayed, and only idempotent ones may be.
        var hasStreamedBody = body is null
            && (context.Request.ContentLength is not (null or 0) || context.Request.Headers.TransferEncoding.Count > 0);
        var attempts = (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && !hasStreamedBody ? 2 : 1;

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
                        return ProxyResult.Failed(GatewayProblems.BadResponse(cluster.Id));
                }
            }
        }

        return ProxyResult.Failed(anyHealthy ? GatewayProblems.Unreachable(cluster.Id) : GatewayProblems.NoHealthyDestination(cluster.Id));
    }
}
