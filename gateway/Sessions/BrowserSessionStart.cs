using Crm.Gateway.Problems;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>Turns issued tokens into the browser's session: Redis keeps them, the browser gets the opaque cookie.</summary>
public static class BrowserSessionStart
{
    /// <returns>null when the session started; otherwise the problem to answer.</returns>
    public static async Task<IResult?> StartAsync(HttpContext context, SessionStore store, IssuedTokens tokens, bool rememberMe, ILogger logger)
    {
        string? sessionId;
        try
        {
            sessionId = await store.CreateAsync(BrowserSession.From(tokens, rememberMe));
            if (SessionCookie.Read(context.Request) is { } previous && SessionStore.IsWellFormedId(previous))
            {
                // The browser is replacing its session; do not leave the old one behind in Redis.
                await store.DeleteAsync(previous);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogError(ex, "Session store unavailable at sign-in");
            return GatewayProblems.SessionStoreUnavailable();
        }

        if (sessionId is not null)
        {
            SessionCookie.Append(context, sessionId, rememberMe ? tokens.RefreshExpiresAt : null);
        }

        return null;
    }
}
