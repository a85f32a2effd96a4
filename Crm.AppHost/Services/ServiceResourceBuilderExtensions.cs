using Crm.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Services;

public static class ServiceResourceBuilderExtensions
{
    /// <summary>
    /// A project on a loopback port the AppHost picked, not proxied: the gateway tells replicas apart and a
    /// killed process refuses connections as it would in production. Aspire refuses WithReplicas on endpoints
    /// that are not proxied, so several replicas are separate resources (<c>sales-1</c>, <c>sales-2</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDefaults(
        this IResourceBuilder<ProjectResource> project, CrmSettings settings, string service, int port)
    {
        project
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", isProxied: false)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", settings.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", settings.EnvironmentName)
            .WithEnvironment("Crm__PublicUrl", settings.GatewayUrl)
            // Replicas report as one service; each keeps its resource name as instance id.
            .WithEnvironment("OTEL_SERVICE_NAME", service);
        return project;
    }

    /// <summary>Healthy when /health answers 200 and the service is connected to the broker (see <see cref="ServiceHealthCheck"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithBrokerAwareHealthCheck(this IResourceBuilder<ProjectResource> project)
    {
        var key = $"{project.Resource.Name}_health";
        var endpoint = project.GetEndpoint("http");
        project.ApplicationBuilder.Services.AddHttpClient(nameof(ServiceHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(5));
        project.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            sp => new ServiceHealthCheck(() => new Uri(endpoint.Url), sp.GetRequiredService<IHttpClientFactory>()),
            HealthStatus.Unhealthy,
            []));
        return project.WithHealthCheck(key);
    }

    /// <summary>
    /// Service discovery for <c>http://&lt;service&gt;</c>: <c>services__&lt;service&gt;__http__&lt;i&gt;</c>, one per
    /// replica. One replica is a plain WithReference; several are named after the service, not the resource.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceReference(
        this IResourceBuilder<ProjectResource> project, string service, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
    {
        if (replicas is [var single] && single.Resource.Name == service)
        {
            return project.WithReference(single);
        }

        for (var i = 0; i < replicas.Count; i++)
        {
            project.WithEnvironment($"services__{service}__http__{i}", replicas[i].GetEndpoint("http"))
                .WithRelationship(replicas[i].Resource, "Reference");
        }

        return project;
    }
}
