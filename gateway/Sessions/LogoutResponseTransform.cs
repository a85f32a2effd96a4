using StackExchange.Redis;
using Yarp.ReverseProxy.Transforms;

namespace Crm.Gateway.Sessions;

/// <summary>
/// <c>POST /api/v1/auth/logout</c>: Identity revokes the tokens (the bearer was attached by
/// <see cref="BrowserSessionMiddleware"/>), then the gateway forgets the session whatever Identity said,
/// even when it could not be reached.
/// </summary>
public sealed class LogoutResponseTransform(SessionStore store, ILogger<LogoutResponseTransform> logger)
{
    public async ValueTask ApplyAsync(ResponseTransformContext transform)
    {
        var context = transform.HttpContext;
        if (SessionCookie.Read(context.Request) is not { } sessionId)
        {
            return;
        }

        if (SessionStore.IsWellFormedId(sessionId))
        {
            try
            {
                await store.DeleteAsync(sessionId);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The cookie still goes; the Redis entry expires with its refresh token.
                logger.LogError(ex, "Could not delete a session at logout");
            }
        }

        SessionCookie.Expire(context);
    }
}
