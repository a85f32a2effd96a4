using Crm.AppHost.Hosting;

namespace Crm.AppHost.Resources;

/// <summary>
/// One replica of a .NET service, run as <c>dotnet &lt;dll&gt;</c> on a port fixed for the topology's
/// lifetime (so the gateway's destinations stay valid across restarts).
/// </summary>
public sealed class ProjectResource(
    string name,
    string service,
    int replicaIndex,
    string dllPath,
    int port,
    ResourceContext context) : Resource(name, "project", context)
{
    /// <summary>Service name (cluster): identity, sales, billing, activities, gateway.</summary>
    public string Service { get; } = service;

    public int ReplicaIndex { get; } = replicaIndex;

    public string DllPath { get; } = dllPath;

    public int Port { get; } = port;

    public string Url => $"http://127.0.0.1:{Port}";

    public override string Endpoint => Url;

    /// <summary>Wiring set by the topology before the first start.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public override async Task<bool> CheckHealthAsync(CancellationToken ct)
    {
        using var response = await ResourceContext.Http.GetAsync(Url + "/health", ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>True once the service's <c>/health</c> reports its broker check Healthy: its queues are bound.</summary>
    public async Task<bool> IsBrokerConnectedAsync(CancellationToken ct)
    {
        try
        {
            using var response = await ResourceContext.Http.GetAsync(Url + "/health", ct);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return json.RootElement.TryGetProperty("checks", out var checks)
                && checks.TryGetProperty("rabbitmq", out var broker)
                && broker.TryGetProperty("status", out var status)
                && status.GetString() == "Healthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    protected override Task PrepareAsync(CancellationToken ct) =>
        File.Exists(DllPath)
            ? Task.CompletedTask
            : throw new FileNotFoundException($"{DllPath} not found: build the solution first (dotnet build Crm.sln -c {RepoLayout.BuildConfiguration}).");

    protected override ProcessSpec CreateProcessSpec() =>
        new("dotnet", [DllPath])
        {
            Environment = Environment,
            // Content root (appsettings.json) is the output folder.
            WorkingDirectory = Path.GetDirectoryName(DllPath),
        };
}
