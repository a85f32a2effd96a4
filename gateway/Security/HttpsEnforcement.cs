using System.Net;

namespace Crm.Gateway.Security;

/// <summary>
/// When the gateway serves HTTPS (Gateway:HttpsPort): plain HTTP is redirected to it (308, so a POST stays a POST),
/// and HTTPS answers carry HSTS, except for a client on this machine outside production: a developer's browser and
/// the tests keep using http://localhost, and a localhost HSTS entry would make the developer's browser refuse every
/// other plain-HTTP localhost port (ASP.NET's own default excludes localhost from HSTS for that reason).
/// </summary>
public static class HttpsEnforcement
{
    public static WebApplicationBuilder AddHttpsEnforcement(this WebApplicationBuilder builder, int? httpsPort)
    {
        if (httpsPort is not { } port)
        {
            return builder;
        }

        builder.Services.AddHttpsRedirection(options =>
        {
            options.HttpsPort = port;
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
            // Sent to every host: whether a loopback client is spared is decided per request, below.
            options.ExcludedHosts.Clear();
        });
        return builder;
    }

    public static WebApplication UseHttpsEnforcement(this WebApplication app, int? httpsPort)
    {
        if (httpsPort is null)
        {
            return app;
        }

        app.UseWhen(context => !IsLocalOutsideProduction(context, app.Environment, forHsts: false), branch => branch.UseHttpsRedirection());
        app.UseWhen(context => !IsLocalOutsideProduction(context, app.Environment, forHsts: true), branch => branch.UseHsts());
        return app;
    }

    /// <summary>
    /// Plain HTTP stays allowed from loopback in Development and Testing; HSTS is left out for loopback in Development
    /// only (tests see it, a developer's browser does not keep it).
    /// </summary>
    public static bool IsLocalOutsideProduction(HttpContext context, IHostEnvironment environment, bool forHsts) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && (environment.IsDevelopment() || (!forHsts && environment.IsEnvironment("Testing")));
}
