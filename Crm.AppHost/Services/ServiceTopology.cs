using Crm.AppHost.Hosting;
using Crm.AppHost.Infrastructure;

namespace Crm.AppHost.Services;

/// <summary>The project resources of one run, by service, and where they listen; the key of their control API (rolling redeploys).</summary>
public sealed record ServiceTopology(
    IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<ServiceResource>>> Replicas,
    IResourceBuilder<ServiceResource> Gateway,
    IResourceBuilder<ServerResource> RabbitMq,
    string ControlKey)
{
    /// <summary>&lt;data&gt;/endpoints.json: ports are picked at each start, so the tools cannot guess them.</summary>
    public RunState RunState(CrmSettings settings, int rabbitManagementPort) => new(
        Environment.ProcessId,
        settings.GatewayUrl,
        $"amqp://guest:guest@127.0.0.1:{Port(RabbitMq.Resource, ServerResource.EndpointName)}/",
        $"http://127.0.0.1:{rabbitManagementPort}",
        Replicas.ToDictionary(
            r => r.Key,
            r => (IReadOnlyList<string>)r.Value.Select(p => $"http://127.0.0.1:{Port(p.Resource, "http")}").ToList()));

    /// <summary>Every service replica and the gateway: the CRM serves once all of them are Healthy.</summary>
    public IReadOnlyList<string> ServingResources =>
        [.. Replicas.Values.SelectMany(r => r).Select(p => p.Resource.Name), Gateway.Resource.Name];

    private static int Port(IResource resource, string endpoint) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint).Port
        ?? throw new InvalidOperationException($"{resource.Name} has no fixed {endpoint} port.");
}
