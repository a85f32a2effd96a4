using System.Security.Cryptography;
using Crm.AppHost.Deployment;
using Crm.AppHost.Hosting;
using Crm.AppHost.Infrastructure;
using Crm.AppHost.Tls;

namespace Crm.AppHost.Services;

/// <summary>The services and the gateway of docs/architecture.md, wired as the services expect.</summary>
public static class CrmServicesBuilderExtensions
{
    public static ServiceTopology AddCrmServices(
        this IDistributedApplicationBuilder builder,
        CrmSettings settings,
        IResourceBuilder<ServerResource> postgres,
        IResourceBuilder<ServerResource> redis,
        IResourceBuilder<ServerResource> rabbitmq,
        IResourceBuilder<IResourceWithConnectionString> mail,
        GatewayCertificate? certificate,
        ServiceReleases releases)
    {
        var replicas = new Dictionary<string, IReadOnlyList<IResourceBuilder<ServiceResource>>>
        {
            ["identity"] = AddService<Projects.Crm_Identity>(builder, settings, "identity", releases),
            ["sales"] = AddService<Projects.Crm_Sales>(builder, settings, "sales", releases),
            ["billing"] = AddService<Projects.Crm_Billing>(builder, settings, "billing", releases),
            ["activities"] = AddService<Projects.Crm_Activities>(builder, settings, "activities", releases),
        };

        foreach (var (service, projects) in replicas)
        {
            var database = postgres.AddDatabase($"{service}db", service);
            foreach (var project in projects)
            {
                project
                    .WithReference(database)
                    .WithReference(redis)
                    .WithReference(rabbitmq)
                    // Not the broker: MassTransit connects when it is up, and a service is Healthy only once it
                    // has (WithBrokerAwareHealthCheck), so starting beside RabbitMQ's slow boot loses nothing.
                    .WaitFor(postgres).WaitFor(redis)
                    .WithBrokerAwareHealthCheck();
                // Service discovery for JWT discovery (identity) and the owners a directory reconcile reads.
                foreach (var (other, others) in replicas.Where(r => r.Key != service))
                {
                    project.WithServiceReference(other, others);
                }
            }
        }

        // Parameters, so the manifest names them instead of carrying the values.
        builder.Configuration["Parameters:admin-password"] = settings.AdminPassword;
        var adminPassword = builder.AddParameter("admin-password", secret: true);
        // The replicas' control API (drain, traffic) answers only this run's AppHost.
        var controlKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        builder.Configuration["Parameters:control-key"] = controlKey;
        var controlKeyParameter = builder.AddParameter("control-key", secret: true);
        foreach (var project in replicas.Values.SelectMany(r => r))
        {
            project.WithEnvironment("Crm__ControlKey", controlKeyParameter);
        }

        // The gateway is Identity's confidential OAuth client; its secret is made afresh for every run.
        builder.Configuration["Parameters:gateway-client-secret"] = Secrets.GenerateToken();
        var gatewayClientSecret = builder.AddParameter("gateway-client-secret", secret: true);
        foreach (var project in replicas["identity"])
        {
            project
                .WithEnvironment("Identity__GatewayClientSecret", gatewayClientSecret)
                // Where browsers may come back from signing in (the code flow's registered redirect URIs).
                .WithEnvironment("Identity__GatewayOrigins", string.Join(';', GatewayOrigins(settings, certificate is not null)))
                .WithEnvironment("Crm__AdminEmail", settings.AdminEmail)
                .WithEnvironment("Crm__AdminPassword", adminPassword)
                // ConnectionStrings__mail. Not WaitFor: mail waits in Identity's mail outbox while the server is down.
                .WithReference(mail);
            // Identity publishes the first admin as it starts: the consumers' queues must be bound by then.
            foreach (var consumer in replicas.Where(r => r.Key != "identity").SelectMany(r => r.Value))
            {
                project.WaitFor(consumer);
            }
        }

        var gateway = builder.AddService<Projects.Crm_Gateway>("gateway", settings, "gateway", settings.HttpPort)
            .WithEnvironment("Gateway__SpaRoot", Path.Combine(settings.RepoRoot, "web", "dist"))
            .WithEnvironment("Gateway__ClientSecret", gatewayClientSecret)
            .WithReference(redis)
            .WaitFor(redis)
            .WithHttpHealthCheck("/health");
        if (certificate is not null)
        {
            gateway.WithGatewayHttps(settings, certificate);
        }
        // Not the services: the gateway starts beside them (YARP answers 503 for a destination that is not up
        // yet and routes to it once it is), so its own start is off the critical path.
        foreach (var (service, projects) in replicas)
        {
            gateway.WithServiceReference(service, projects);
        }

        return new ServiceTopology(replicas, gateway, rabbitmq, controlKey);
    }

    private static IEnumerable<string> GatewayOrigins(CrmSettings settings, bool https)
    {
        foreach (var url in https ? [settings.GatewayUrl, settings.GatewayHttpsUrl] : new[] { settings.GatewayUrl })
        {
            yield return url;
            yield return url.Replace("//localhost:", "//127.0.0.1:", StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<IResourceBuilder<ServiceResource>> AddService<TProject>(
        IDistributedApplicationBuilder builder, CrmSettings settings, string service, ServiceReleases releases)
        where TProject : IProjectMetadata, new() =>
        settings.Replicas.Names(service)
            .Select(name => builder.AddService<TProject>(name, settings, service, FreePorts.Pick(), releases))
            .ToList();
}
