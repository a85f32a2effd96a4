using Crm.Gateway.HealthChecks;
using Crm.Gateway.Proxy;
using Yarp.ReverseProxy.Health;

namespace Crm.Gateway.Extensions;

/// <summary>
/// YARP: routes and clusters from the <c>ReverseProxy</c> configuration section, destinations resolved by service
/// discovery (<c>http://sales</c> → <c>services__sales__http__N</c>), and the gateway's steps around forwarding.
/// </summary>
public static class GatewayProxyExtensions
{
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms<GatewayTransforms>();

        // A replica whose connections fail leaves the rotation for 10 s (YARP's default window is a minute):
        // the retry covers the requests in between, and a restarted replica is back soon.
        services.Configure<TransportFailureRateHealthPolicyOptions>(o =>
        {
            o.DetectionWindowSize = TimeSpan.FromSeconds(10);
            o.MinimalTotalCountThreshold = 3;
        });

        services.AddSingleton(new ReplicaHealthReader(new HttpClient(new SocketsHttpHandler { UseProxy = false })));
        return services;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ProxyErrorProblemsMiddleware>();
            proxy.UseMiddleware<RequestBodyLimitMiddleware>();
            proxy.UseMiddleware<IdempotentRetryMiddleware>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
