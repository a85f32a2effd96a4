namespace Crm.Gateway.Sessions;

/// <summary>The <c>crm_session</c> cookie: only an opaque id, invisible to scripts, never sent cross-site.</summary>
public static class SessionCookie
{
    public const string Name = "crm_session";

    private static readonly object ExpiredMarker = new();

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <param name="expires">Set only for "remember me": otherwise a browser-session cookie.</param>
    public static void Append(HttpContext context, string sessionId, DateTimeOffset? expires) =>
        context.Response.Cookies.Append(Name, sessionId, Options(context, expires));

    public static void Expire(HttpContext context)
    {
        // Once per response: the session middleware and logout may both decide the cookie must go.
        if (context.Items.TryAdd(ExpiredMarker, true))
        {
            context.Response.Cookies.Delete(Name, Options(context, expires: null));
        }
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
