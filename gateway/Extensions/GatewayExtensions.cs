using System.Diagnostics;
using Crm.Gateway.Configuration;
using Crm.Gateway.HealthChecks;
using Crm.Gateway.Problems;
using Crm.Gateway.Search;
using Crm.Gateway.Security;
using Crm.Gateway.Sessions;
using Crm.ServiceDefaults.Health;
using Crm.ServiceDefaults.Http;

namespace Crm.Gateway.Extensions;

/// <summary>The gateway's composition: what Program.cs calls.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        // Do not advertise the server software to the internet.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Bodies up to the services' 1 MB; a route that takes more says so with MaxRequestBodySize.
        builder.AddCrmRequestLimits();
        builder.AddHttpsEnforcement(HttpsPort(builder.Configuration));

        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier));

        services.AddGatewayProxy(builder.Configuration);
        services.AddBrowserSessions();
        services.AddHttpClient<SearchClient>();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        var spaRoot = app.SpaRoot();
        app.UseHttpsEnforcement(HttpsPort(app.Configuration));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        // Empty error answers of the gateway's own (405, a missing asset) become problem details too.
        app.UseStatusCodePages();
        app.UseSpaStaticFiles(spaRoot);
        app.UseRouting();
        app.UseMiddleware<BrowserSessionMiddleware>();
        app.UseMiddleware<LoginBodyMiddleware>();
        app.UseRateLimiter();

        app.MapHealthEndpoints();
        app.MapGet(GatewayPaths.Health, ServiceHealthEndpoint.HandleAsync);
        // Before YARP's /api/v1/auth/{**catch-all} route to Identity.
        app.MapPost(GatewayPaths.Login, LoginEndpoint.HandleAsync).WithOrder(-1);
        app.MapBrowserSignIn();
        app.MapSearchEndpoints();
        app.MapGatewayProxy();
        // Whatever under /api no route claims: a 404 problem, never the SPA.
        app.MapFallback("/api/{**path}", (HttpContext context) => GatewayProblems.NoRoute(context.Request.Path));
        app.MapSpaFallback(spaRoot);
        return app;
    }

    private static int? HttpsPort(IConfiguration configuration) =>
        configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>()?.HttpsPort;
}
