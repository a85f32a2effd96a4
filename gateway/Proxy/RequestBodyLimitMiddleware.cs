using Crm.Gateway.Problems;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Crm.Gateway.Proxy;

/// <summary>
/// The route's <c>MaxRequestBodySize</c> (-1: none; unset: Kestrel's 1 MB, the services' own limit), applied before
/// the body is read. A body whose Content-Length is over it is refused here: a service that answers 413 and closes
/// while the body is still streaming in would make the forward fail as a 502, and the client would not learn why.
/// A chunked body has no length up front: Kestrel stops it at the limit while it streams (413).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = context.GetRouteModel().Config.MaxRequestBodySize switch
        {
            -1 => null,
            { } configured => configured,
            null => feature?.MaxRequestBodySize,
        };

        if (limit is { } max && context.Request.ContentLength > max)
        {
            return GatewayProblems.BodyTooLarge(max).ExecuteAsync(context);
        }

        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
