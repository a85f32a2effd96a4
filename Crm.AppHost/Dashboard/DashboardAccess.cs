using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crm.AppHost.Dashboard;

/// <summary>
/// Who may use the dashboard. Everything answers on loopback host names only (a rebound DNS name cannot read
/// it); state-changing requests also need the token (bearer, or the cookie set by <c>/login?t=</c>) and must
/// not come from another site, so a web page the developer visits cannot stop the CRM.
/// </summary>
public sealed class DashboardAccess(string token, int port)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    /// <summary>Per port: two dashboards on one machine each keep their own cookie.</summary>
    public string CookieName { get; } = $"crm_dashboard_{port}";

    /// <summary>Null when a state-changing request may proceed, else the answer that refuses it.</summary>
    public IResult? CheckChange(HttpRequest request)
    {
        if (!IsSameOrigin(request.Headers.Origin, request.Headers["Sec-Fetch-Site"], port))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "Cross-site requests may not change the dashboard's resources.");
        }

        var presented = BearerToken(request) ?? request.Cookies[CookieName];
        return IsToken(presented)
            ? null
            : Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: "Open the dashboard link that `./crm run` printed (…/login?t=<token>), or send the token from <data dir>/secrets/dashboard-token as a bearer token.");
    }

    public bool IsToken(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    public CookieOptions CookieOptions() => new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true };

    /// <summary>Loopback names only, any port: what a browser on this machine or a local client sends.</summary>
    public static bool IsLoopbackHost(HostString host) =>
        host.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    /// <summary>
    /// No Origin and no Sec-Fetch-Site (curl, tests, scripts) is fine: the token decides. A browser names the
    /// page's origin, which must be this dashboard on a loopback name.
    /// </summary>
    public static bool IsSameOrigin(string? origin, string? fetchSite, int port)
    {
        if (!string.IsNullOrEmpty(fetchSite) && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttp
            && uri.Port == port
            && uri.AbsolutePath == "/"
            && uri.Host is "localhost" or "127.0.0.1" or "[::1]";
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
