using Crm.Gateway.Sessions;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Crm.Gateway.Proxy;

/// <summary>What the gateway changes on every forwarded request and answer, and the logout and two-factor enable routes' own steps.</summary>
public sealed class GatewayTransforms(LogoutResponseTransform logout, SessionUpgradeTransform upgrade) : ITransformProvider
{
    /// <summary>Route ids in appsettings.json's <c>ReverseProxy:Routes</c>.</summary>
    public const string LogoutRoute = "identity-logout";
    public const string MfaEnableRoute = "identity-mfa-enable";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        // Cookies stay at the gateway: the session cookie has been turned into a bearer token by now.
        context.AddRequestHeaderRemove(HeaderNames.Cookie);
        // The gateway does not advertise server software, nor pass the services' on.
        context.AddResponseHeaderRemove(HeaderNames.Server, ResponseCondition.Always);

        switch (context.Route.RouteId)
        {
            case LogoutRoute:
                context.AddResponseTransform(logout.ApplyAsync);
                break;
            case MfaEnableRoute:
                context.AddResponseTransform(upgrade.ApplyAsync);
                break;
        }
    }
}
