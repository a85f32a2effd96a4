using Crm.Gateway.Configuration;
using Crm.Gateway.Forwarding;
using Crm.Gateway.HealthChecks;
using Crm.Gateway.LoadBalancing;
using Crm.Gateway.Routing;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Extensions;

/// <summary>Routing, clusters, forwarding and active health checks: the part YARP would replace.</summary>
public static class GatewayProxyExtensions
{
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReverseProxyOptions>(configuration.GetSection(ReverseProxyOptions.SectionName));

        services.AddSingleton(sp => RouteTable.FromConfig(sp.GetRequiredService<IOptions<ReverseProxyOptions>>().Value));
        services.AddSingleton(sp => ClusterRegistry.FromConfig(
            sp.GetRequiredService<IOptions<ReverseProxyOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<ClusterRegistry>()));

        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HttpForwarder>(sp, CreateClient(sp)));
        services.AddSingleton<ClusterSender>();
        services.AddSingleton<ApiProxy>();

        // Probes get their own connection pool so a burst of API traffic cannot starve them.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DestinationProber>(sp, CreateClient(sp)));
        services.AddHostedService<ActiveHealthCheckService>();
        return services;
    }

    internal static HttpClient CreateClient(IServiceProvider services) =>
        ProxyHttpClientFactory.Create(services.GetRequiredService<IOptions<GatewayOptions>>().Value.Forwarder.ConnectTimeout);
}
