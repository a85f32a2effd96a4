using System.Net.Http;
using Crm.Gateway.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Crm.Gateway.Proxy;

/// <summary>
/// Gives the forwarding failures YARP answers with a bare status code their problem details body (502, 503, 504 or
/// the client's own 4xx), and lets a service's own answers through untouched.
/// </summary>
public sealed class ProxyErrorProblemsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A service's answer is passed on as it is: no problem body added to its empty 401 or 404.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);

        if (context.Response.HasStarted || context.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return;
        }

        var proxy = context.GetReverseProxyFeature();
        var problem = ProblemFor(error.Error, error.Exception, context.Response.StatusCode, proxy.Cluster.Config.ClusterId, HasHealthyDestination(proxy));
        if (problem is not null)
        {
            await problem.ExecuteAsync(context);
        }
    }

    /// <returns>Null when there is nobody to answer (the client went away) or nothing left to say.</returns>
    public static IResult? ProblemFor(ForwarderError error, Exception? exception, int status, string cluster, bool anyHealthy) => error switch
    {
        ForwarderError.NoAvailableDestinations => GatewayProblems.NoHealthyDestination(cluster),
        ForwarderError.RequestTimedOut => GatewayProblems.Timeout(cluster),
        // With no replica believed healthy, requests still go out (HealthyOrPanic); if none takes the connection, the service is down.
        ForwarderError.Request or ForwarderError.RequestCreation when IsConnectFailure(exception) =>
            anyHealthy ? GatewayProblems.Unreachable(cluster) : GatewayProblems.NoHealthyDestination(cluster),
        ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.RequestBodyDestination or ForwarderError.ResponseHeaders =>
            GatewayProblems.BadResponse(cluster),
        ForwarderError.RequestBodyClient =>
            GatewayProblems.BadClientRequest(status, Find<BadHttpRequestException>(exception)?.Message ?? "The request body could not be read."),
        _ => null,
    };

    private static bool HasHealthyDestination(IReverseProxyFeature proxy) =>
        proxy.AllDestinations.Any(d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy);

    private static bool IsConnectFailure(Exception? exception) =>
        Find<HttpRequestException>(exception) is { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null);
            }
        }

        return null;
    }
}
