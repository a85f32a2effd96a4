using System.Net;
using Yarp.ReverseProxy.Transforms;

namespace Crm.Gateway.Sessions;

/// <summary>
/// <c>POST /api/v1/auth/mfa/enable</c>: a browser session that was limited to enrolling in two-factor sign-in is a
/// full one from now on. Identity decides that at every token refresh, so the gateway renews the session's tokens at
/// once instead of at the access token's expiry.
/// </summary>
public sealed class SessionUpgradeTransform(SessionRefresher refresher, ILogger<SessionUpgradeTransform> logger)
{
    public async ValueTask ApplyAsync(ResponseTransformContext transform)
    {
        var context = transform.HttpContext;
        if (transform.ProxyResponse is not { StatusCode: HttpStatusCode.OK }
            || SessionCookie.Read(context.Request) is not { } sessionId || !SessionStore.IsWellFormedId(sessionId))
        {
            return;
        }

        try
        {
            await refresher.RenewNowAsync(sessionId, context);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Two-factor is on either way; the session becomes a full one at its next refresh.
            logger.LogWarning(ex, "Could not renew a session after two-factor sign-in was turned on");
        }
    }
}
