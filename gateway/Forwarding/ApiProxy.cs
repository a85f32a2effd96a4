using Crm.Gateway.LoadBalancing;
using Crm.Gateway.Problems;
using Crm.Gateway.Routing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Crm.Gateway.Forwarding;

/// <summary>The <c>/api/**</c> endpoint: route table lookup, then the owning cluster.</summary>
public sealed class ApiProxy(RouteTable routes, ClusterRegistry clusters, ClusterSender sender, HttpForwarder forwarder)
{
    /// <summary>Routes and sends; the caller decides what to do with the answer (login and logout need to look).</summary>
    public async Task<ProxyResult> SendAsync(HttpContext context, Func<HttpContent>? body = null)
    {
        var route = routes.Match(context.Request.Path, context.Request.Method);
        if (route is null || clusters.Find(route.ClusterId) is not { } cluster)
        {
            return ProxyResult.Failed(GatewayProblems.NoRoute(context.Request.Path));
        }

        // Refused here rather than by the service: a service that answers 413 and closes while the body is
        // still streaming in makes the forward fail (a 502), so the client would not learn why.
        if (route.MaxRequestBodySize is { } max && context.Request.ContentLength > max)
        {
            return ProxyResult.Failed(GatewayProblems.BodyTooLarge(max));
        }

        // A chunked body has no length up front: Kestrel stops it at the limit while it streams (413).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = route.MaxRequestBodySize;
        }

        return await sender.SendAsync(context, cluster, body);
    }

    public async Task HandleAsync(HttpContext context)
    {
        using var result = await SendAsync(context);
        await WriteAsync(context, result);
    }

    public async Task WriteAsync(HttpContext context, ProxyResult result)
    {
        if (result.Response is { } response)
        {
            // A service's answer is passed on as it is: no problem body added to its empty 401 or 404.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            await forwarder.CopyResponseAsync(context, response);
        }
        else if (result.Problem is { } problem)
        {
            await problem.ExecuteAsync(context);
        }
    }
}
