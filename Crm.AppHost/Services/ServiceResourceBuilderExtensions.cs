using System.Reflection;
using Aspire.Hosting.Publishing;
using Crm.AppHost.Deployment;
using Crm.AppHost.Health;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Crm.AppHost.Services;

public static class ServiceResourceBuilderExtensions
{
    /// <summary>
    /// A service or the gateway as a <see cref="ServiceResource"/>: its built program in run mode, <c>project.v0</c>
    /// in the manifest, with what AddProject would have given it (ASPNETCORE_URLS, the OTLP exporter and its
    /// settings, console log settings; forwarded headers and HTTP_PORTS when published). It listens on a loopback
    /// port the AppHost picked, not proxied: the gateway tells replicas apart and a killed process refuses
    /// connections as it would in production. Aspire refuses WithReplicas on endpoints that are not proxied, so
    /// several replicas are separate resources (<c>sales-1</c>, <c>sales-2</c>).
    /// </summary>
    /// <param name="releases">When given, replicas start from the service's release link (<see cref="ServiceReleases"/>),
    /// pointed at the solution's build here, so <c>./crm redeploy</c> can swap the build under them.</param>
    public static IResourceBuilder<ServiceResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, CrmSettings settings, string service, int port, ServiceReleases? releases = null)
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject();
        var projectDir = Path.GetDirectoryName(project.ProjectPath)!;
        var program = BuiltProgram(project.ProjectPath);
        if (builder.ExecutionContext.IsRunMode)
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException(
                    $"{program} is missing: build the solution first (./crm run builds it, or dotnet build Crm.sln -c {Configuration}).");
            }

            if (releases is not null)
            {
                program = releases.Activate(service, program);
            }
        }

        var serviceResource = new ServiceResource(name, program, projectDir, project);
        var resource = builder.AddResource(serviceResource)
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", isProxied: false)
            .WithOtlpExporter()
            .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", settings.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", settings.EnvironmentName)
            .WithEnvironment("Crm__PublicUrl", settings.GatewayUrl)
            // Replicas report as one service; each keeps its resource name as instance id.
            .WithEnvironment("OTEL_SERVICE_NAME", service)
            .WithManifestPublishingCallback(context => WriteProjectAsync(context, serviceResource));
        var endpoint = resource.GetEndpoint("http");
        resource.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsPublishMode)
            {
                context.EnvironmentVariables["HTTP_PORTS"] = endpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
                return;
            }

            context.EnvironmentVariables["ASPNETCORE_URLS"] =
                ReferenceExpression.Create($"http://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");
            context.EnvironmentVariables["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
            context.EnvironmentVariables["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
            if (builder.Environment.IsDevelopment())
            {
                context.EnvironmentVariables["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true";
                context.EnvironmentVariables["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true";
            }
        });
        return resource;
    }

    /// <summary>Healthy when /health answers 200 and the service is connected to the broker (see <see cref="ServiceHealthCheck"/>).</summary>
    public static IResourceBuilder<ServiceResource> WithBrokerAwareHealthCheck(this IResourceBuilder<ServiceResource> service)
    {
        var key = $"{service.Resource.Name}_health";
        var endpoint = service.GetEndpoint("http");
        service.ApplicationBuilder.Services.AddHttpClient(nameof(ServiceHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(5));
        // One instance per resource: it remembers whether the service was Healthy at the last check.
        ReadinessPollingHealthCheck? health = null;
        service.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            sp => health ??= new ReadinessPollingHealthCheck(
                new ServiceHealthCheck(() => new Uri(endpoint.Url), sp.GetRequiredService<IHttpClientFactory>()), TimeSpan.FromSeconds(5)),
            HealthStatus.Unhealthy,
            []));
        return service.WithHealthCheck(key);
    }

    /// <summary>
    /// Service discovery for <c>http://&lt;service&gt;</c>: <c>services__&lt;service&gt;__http__&lt;i&gt;</c>, one per
    /// replica. One replica is a plain WithReference; several are named after the service, not the resource.
    /// </summary>
    public static IResourceBuilder<ServiceResource> WithServiceReference(
        this IResourceBuilder<ServiceResource> service, string name, IReadOnlyList<IResourceBuilder<ServiceResource>> replicas)
    {
        if (replicas is [var single] && single.Resource.Name == name)
        {
            return service.WithReference(single);
        }

        for (var i = 0; i < replicas.Count; i++)
        {
            service.WithEnvironment($"services__{name}__http__{i}", replicas[i].GetEndpoint("http"))
                .WithRelationship(replicas[i].Resource, "Reference");
        }

        return service;
    }

    /// <summary>The configuration the AppHost itself was built in: ./crm builds the whole solution in one.</summary>
    private static string Configuration =>
        typeof(ServiceResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>bin/&lt;Configuration&gt;/net10.0/Crm.Sales next to Crm.Sales.csproj: the SDK's apphost for the assembly.</summary>
    internal static string BuiltProgram(string projectPath) => Path.Combine(
        Path.GetDirectoryName(projectPath)!, "bin", Configuration, $"net{Environment.Version.Major}.{Environment.Version.Minor}",
        Path.GetFileNameWithoutExtension(projectPath));

    /// <summary>What the manifest publisher writes for a project resource: deployment tools build it from its path.</summary>
    private static async Task WriteProjectAsync(ManifestPublishingContext context, ServiceResource resource)
    {
        context.Writer.WriteString("type", "project.v0");
        context.Writer.WriteString("path", context.GetManifestRelativePath(resource.Project.ProjectPath));
        await context.WriteCommandLineArgumentsAsync(resource);
        await context.WriteEnvironmentVariablesAsync(resource);
        context.WriteBindings(resource);
    }
}
