using Crm.Gateway.Forwarding;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>
/// <c>POST /api/v1/auth/logout</c>: Identity revokes the tokens (the bearer was attached by
/// <see cref="BrowserSessionMiddleware"/>), then the gateway forgets the session whatever Identity said.
/// </summary>
public sealed class LogoutEndpoint(ApiProxy proxy, SessionStore store, ILogger<LogoutEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        using var result = await proxy.SendAsync(context);

        if (SessionCookie.Read(context.Request) is { } sessionId)
        {
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

        await proxy.WriteAsync(context, result);
    }
}
