using Crm.Gateway.Problems;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace Crm.Gateway.Sessions;

/// <summary>
/// Turns the session cookie into a bearer token for API calls that carry no Authorization header of
/// their own, enforcing the CSRF header on state-changing ones.
/// </summary>
public sealed class BrowserSessionMiddleware(
    RequestDelegate next,
    SessionStore store,
    SessionRefresher refresher,
    TimeProvider time,
    ILogger<BrowserSessionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var sessionId = SessionCookie.Read(request);
        if (sessionId is null || !AppliesTo(request) || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            await next(context);
            return;
        }

        if (!CsrfPolicy.IsAllowed(request.Method, request.Headers[CsrfPolicy.HeaderName]))
        {
            await GatewayProblems.CsrfHeaderMissing().ExecuteAsync(context);
            return;
        }

        BrowserSession? session;
        try
        {
            session = SessionStore.IsWellFormedId(sessionId) ? await store.GetAsync(sessionId) : null;
            if (session is not null)
            {
                session = await refresher.EnsureFreshAsync(sessionId, session, context);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogError(ex, "Session store unavailable");
            await GatewayProblems.SessionStoreUnavailable().ExecuteAsync(context);
            return;
        }

        if (session is null)
        {
            // Gone or expired: forward unauthenticated (the service answers 401) and drop the cookie.
            SessionCookie.Expire(context);
        }
        else if (session.AccessExpiresAt > time.GetUtcNow())
        {
            request.Headers.Authorization = "Bearer " + session.AccessToken;
        }

        await next(context);
    }

    /// <summary>
    /// API calls only; login makes its own session, and the platform health check and "Forgot password?" are
    /// anonymous (a session adds nothing to them, and the sign-in page may still hold an old cookie).
    /// </summary>
    private static bool AppliesTo(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments(GatewayPaths.Health)
        && !LoginBodyMiddleware.IsLogin(request)
        && !LoginBodyMiddleware.IsForgotPassword(request);
}
