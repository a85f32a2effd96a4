using System.Diagnostics;
using Crm.Gateway.Configuration;
using Crm.Gateway.Forwarding;
using Crm.Gateway.HealthChecks;
using Crm.Gateway.LoadBalancing;
using Crm.Gateway.Routing;
using Crm.Gateway.Security;
using Crm.Gateway.Sessions;
using Crm.ServiceDefaults.Health;

namespace Crm.Gateway.Extensions;

/// <summary>The gateway's composition: what Program.cs calls.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        // Do not advertise the server software to the internet.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier));

        services.AddGatewayProxy(builder.Configuration);
        services.AddBrowserSessions(builder.Configuration);
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        // Fail at start-up, not on the first request, when the route table or a destination is wrong.
        app.Services.GetRequiredService<RouteTable>();
        app.Services.GetRequiredService<ClusterRegistry>();

        var spaRoot = app.SpaRoot();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        // Empty error answers of the gateway's own (405, a missing asset) become problem details too.
        app.UseStatusCodePages();
        app.UseSpaStaticFiles(spaRoot);
        app.UseRouting();
        app.UseMiddleware<BrowserSessionMiddleware>();

        app.MapHealthEndpoints();
        app.MapGet(GatewayPaths.Health, ServiceHealthEndpoint.HandleAsync);
        app.MapPost(GatewayPaths.Login, (HttpContext context, LoginEndpoint login) => login.HandleAsync(context));
        app.MapPost(GatewayPaths.Logout, (HttpContext context, LogoutEndpoint logout) => logout.HandleAsync(context));
        // Everything else under /api goes to the owning service (404 problem when no route claims it).
        app.Map("/api/{**path}", (HttpContext context, ApiProxy proxy) => proxy.HandleAsync(context));
        app.MapSpaFallback(spaRoot);
        return app;
    }
}
