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
    public const string SignInPageRoute = "identity-signin-page";
    public const string OAuthRoute = "identity-oauth";

    /// <summary>Identity's browser cookies (its sign-in, the pending second factor, antiforgery).</summary>
    public const string IdentityCookiePrefix = "crm_signin";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        // Cookies stay at the gateway: the session cookie has been turned into a bearer token by now. Identity's
        // sign-in page and authorization endpoint get their own cookies (crm_signin...) and no others.
        if (context.Route.RouteId is SignInPageRoute or OAuthRoute)
        {
            context.AddRequestTransform(transform =>
            {
                transform.ProxyRequest.Headers.Remove(HeaderNames.Cookie);
                // As sent (not decoded and encoded again), keeping only Identity's.
                var own = transform.HttpContext.Request.Headers.Cookie
                    .SelectMany(header => (header ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Where(cookie => cookie.StartsWith(IdentityCookiePrefix, StringComparison.Ordinal))
                    .ToList();
                if (own.Count > 0)
                {
                    transform.ProxyRequest.Headers.TryAddWithoutValidation(HeaderNames.Cookie, string.Join("; ", own));
                }

                return ValueTask.CompletedTask;
            });
        }
        else
        {
            context.AddRequestHeaderRemove(HeaderNames.Cookie);
        }
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
