using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Testing;

/// <summary>
/// The real AppHost (Crm.AppHost) started by Aspire.Hosting.Testing: its resources, connection strings, and
/// stopping, starting and killing a resource through Aspire's own commands.
/// </summary>
public sealed class RunningCrm(DistributedApplication app, string repoRoot, string dataDir, IReadOnlyDictionary<string, string> connectionStrings)
{
    public static readonly IReadOnlyList<string> ConnectionNames =
        ["identitydb", "salesdb", "billingdb", "activitiesdb", "postgres", "redis", "rabbitmq"];

    public DistributedApplication App { get; } = app;

    public string RepoRoot { get; } = repoRoot;

    public string DataDir { get; } = dataDir;

    /// <summary>The build configuration this test run uses (the services run from the same one).</summary>
    public string Configuration { get; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public string GatewayUrl => App.GetEndpoint("gateway", "http").ToString().TrimEnd('/');

    public string GatewayHttpsUrl => App.GetEndpoint("gateway", "https").ToString().TrimEnd('/');

    /// <summary>identitydb, salesdb, billingdb, activitiesdb, postgres (its <c>postgres</c> database), redis, rabbitmq.</summary>
    public string GetConnectionString(string name) =>
        connectionStrings.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No connection string '{name}'.");

    public CrmResource GetResource(string name) =>
        ResourceNames().Contains(name)
            ? new CrmResource(App, name)
            : throw new KeyNotFoundException($"No resource '{name}'. Known: {string.Join(", ", ResourceNames())}.");

    /// <summary>The replicas of a service (sales-1, sales-2), or the one resource of that name.</summary>
    public IReadOnlyList<CrmResource> GetResources(string nameOrService)
    {
        var names = ResourceNames();
        if (names.Contains(nameOrService))
        {
            return [new CrmResource(App, nameOrService)];
        }

        var replicas = names.Where(n => n.StartsWith(nameOrService + "-", StringComparison.Ordinal)
            && int.TryParse(n[(nameOrService.Length + 1)..], out _)).Order().ToList();
        return replicas.Count > 0 ? replicas.Select(n => new CrmResource(App, n)).ToList() : [GetResource(nameOrService)];
    }

    /// <summary>Stops the resource (or every replica) for good, until <see cref="StartResourceAsync"/>: Aspire's Stop.</summary>
    public async Task StopResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            var tree = resource.Pid is { } pid ? ProcessTree.Of(pid) : [];
            var ended = resource.WaitEndedAsync(ct);
            await ExecuteAsync(resource.Name, "resource-stop", ct);
            // Done when Aspire reports it ended or its processes are gone, whichever it notices first.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!ended.IsCompleted && ProcessTree.AnyAlive(tree))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{resource.Name} did not stop within 90 s (state {resource.State}).");
                }

                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>Starts a stopped resource again (same port and wiring) and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            if (!await ExecuteAsync(resource.Name, "resource-start", ct))
            {
                // Start is refused while Aspire still counts the resource as running after a stop it gave up waiting for.
                await ExecuteAsync(resource.Name, "resource-restart", ct);
            }

            await resource.WaitHealthyAsync(TimeSpan.FromMinutes(3), ct);
        }
    }

    /// <summary>
    /// SIGKILLs the resource's process tree, as a crash would, and returns once Aspire has seen it end; the
    /// AppHost restarts it with back-off. Wait for that with <see cref="CrmResource.WaitHealthyAsync"/>.
    /// </summary>
    public async Task KillResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            var pid = resource.Pid ?? throw new InvalidOperationException($"{resource.Name} has no process to kill (state {resource.State}).");
            var ended = resource.WaitEndedAsync(ct);
            var tree = ProcessTree.Kill(pid);
            await ended.WaitAsync(TimeSpan.FromSeconds(60), ct);
            while (ProcessTree.AnyAlive(tree))
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private IReadOnlySet<string> ResourceNames() =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name).ToHashSet();

    /// <summary>
    /// Runs an Aspire resource command. Aspire gives up waiting on a command after 20 s (a busy machine stops a
    /// .NET service slower than that) while the stop or start goes on: callers wait for the outcome itself.
    /// </summary>
    private async Task<bool> ExecuteAsync(string resource, string command, CancellationToken ct)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command, ct);
        if (!result.Success)
        {
            Console.WriteLine($"[crm-fixture] {command} on {resource} answered: {result.Message}; waiting for the outcome");
        }

        return result.Success;
    }

    /// <summary>Resolves every connection string once: tests read them synchronously and they do not change.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveConnectionStringsAsync(DistributedApplication app, CancellationToken ct)
    {
        var values = new Dictionary<string, string>();
        foreach (var name in ConnectionNames)
        {
            var value = await app.GetConnectionStringAsync(name, ct) ?? throw new InvalidOperationException($"No connection string for {name}.");
            values[name] = name == "postgres" ? new NpgsqlConnectionStringBuilder(value) { Database = "postgres" }.ConnectionString : value;
        }

        return values;
    }
}
