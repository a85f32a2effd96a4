using Crm.AppHost.Dashboard;
using Crm.AppHost.Hosting;
using Crm.AppHost.Resources;

namespace Crm.AppHost;

/// <summary>
/// The whole CRM on one machine (our stand-in for an Aspire DistributedApplication): PostgreSQL, Redis,
/// RabbitMQ, the services and the gateway as local processes, wired with Aspire's environment conventions
/// (docs/architecture.md), started in dependency order, health-watched, and stopped leaving nothing behind.
/// </summary>
public sealed class CrmTopology : IAsyncDisposable
{
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);
    private readonly List<Resource> _resources = [];
    private readonly List<ProjectResource> _projects = [];
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Action<string> _log;
    private DashboardServer? _dashboard;
    private Task? _healthLoop;
    private System.Diagnostics.Process? _reaper;
    private bool _started;
    private bool _disposed;

    public CrmTopology(CrmTopologyOptions options)
    {
        Options = options;
        _log = options.Log;
        RepoRoot = options.RepoRoot ?? RepoLayout.FindRoot();
        DataDir = Path.GetFullPath(options.DataDir ?? Path.Combine(RepoRoot, ".crm"));
        Directory.CreateDirectory(DataDir);

        var ports = new FreePorts();
        var context = new ResourceContext(DataDir, RepoRoot, options.EnvironmentName);
        GatewayPort = ports.Pick(options.HttpPort);
        DashboardPort = options.EnableDashboard ? ports.Pick(options.DashboardPort) : 0;
        DashboardToken = Secrets.GetOrCreate(DataDir, "dashboard-token", Secrets.GenerateToken).Value;

        Postgres = new PostgresResource(context, ports.Pick());
        Redis = new RedisResource(context, ports.Pick());
        RabbitMq = new RabbitMqResource(context, ports.Pick(), ports.Pick(), ports.Pick(), ports.Pick());
        _resources.AddRange([Postgres, Redis, RabbitMq]);

        AdminEmail = options.AdminEmail;
        AdminPassword = options.AdminPassword ?? Secrets.GetOrCreate(DataDir, "admin-password").Value;
        AdminPasswordGenerated = options.AdminPassword is null && !File.Exists(AnnouncedMarker);

        if (options.InfrastructureOnly)
        {
            return;
        }

        foreach (var service in ServiceCatalog.Services)
        {
            var count = options.Replicas.GetValueOrDefault(service.Name, 1);
            for (var i = 0; i < count; i++)
            {
                AddProject(service, i, ReplicaCounts.ReplicaName(service.Name, i, count), ports.Pick(), context);
            }
        }

        Gateway = AddProject(ServiceCatalog.Gateway, 0, "gateway", GatewayPort, context);
        foreach (var project in _projects)
        {
            Wire(project);
        }
    }

    public CrmTopologyOptions Options { get; }

    public string RepoRoot { get; }

    public string DataDir { get; }

    public int GatewayPort { get; }

    public int DashboardPort { get; }

    /// <summary>The app's public URL (what a browser opens).</summary>
    public string GatewayUrl => $"http://localhost:{GatewayPort}";

    public string? DashboardUrl => Options.EnableDashboard ? $"http://localhost:{DashboardPort}" : null;

    /// <summary>
    /// What the dashboard's state-changing endpoints require (kept in &lt;data&gt;/secrets/dashboard-token):
    /// as a bearer token, or as the cookie that <see cref="DashboardLoginUrl"/> sets in the browser.
    /// </summary>
    public string DashboardToken { get; }

    /// <summary>The dashboard URL to open: it stores the token in an httpOnly cookie, so the page's buttons work.</summary>
    public string? DashboardLoginUrl => DashboardUrl is null ? null : $"{DashboardUrl}/login?t={DashboardToken}";

    public string AdminEmail { get; }

    public string AdminPassword { get; }

    /// <summary>True until the generated first-admin password has been shown once (CRM_ADMIN_PASSWORD unset).</summary>
    public bool AdminPasswordGenerated { get; }

    private string AnnouncedMarker => Path.Combine(DataDir, "secrets", "admin-password.shown");

    /// <summary>Records that the generated admin password was printed, so later runs do not print it again.</summary>
    public void MarkAdminPasswordAnnounced() => File.WriteAllText(AnnouncedMarker, DateTimeOffset.UtcNow.ToString("O"));

    public PostgresResource Postgres { get; }

    public RedisResource Redis { get; }

    public RabbitMqResource RabbitMq { get; }

    public ProjectResource? Gateway { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public TelemetryCounters Telemetry { get; } = new();

    public IReadOnlyList<ResourceSnapshot> Snapshot() => _resources.Select(r => r.Snapshot()).ToList();

    public Resource GetResource(string name) =>
        _resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No resource '{name}'. Known: {string.Join(", ", _resources.Select(r => r.Name))}.");

    /// <summary>Replicas of a service (identity, sales...), or the one resource of that name.</summary>
    public IReadOnlyList<Resource> GetResources(string nameOrService)
    {
        if (_resources.FirstOrDefault(r => r.Name.Equals(nameOrService, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return [exact];
        }

        var replicas = _projects.Where(p => p.Service.Equals(nameOrService, StringComparison.OrdinalIgnoreCase)).ToList<Resource>();
        return replicas.Count > 0 ? replicas : [GetResource(nameOrService)];
    }

    /// <summary>Aspire-style connection strings: identitydb, salesdb, billingdb, activitiesdb, postgres, redis, rabbitmq.</summary>
    public string GetConnectionString(string name) => name.ToLowerInvariant() switch
    {
        "redis" => Redis.ConnectionString,
        "rabbitmq" => RabbitMq.ConnectionString,
        "postgres" => Postgres.ConnectionString("postgres"),
        var db when db.EndsWith("db", StringComparison.Ordinal)
            && ServiceCatalog.Services.Any(s => s.Database == db[..^2]) => Postgres.ConnectionString(db[..^2]),
        _ => throw new KeyNotFoundException($"No connection string '{name}'."),
    };

    /// <summary>Starts everything in dependency order, each step waiting for what it needs to be healthy.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            return;
        }

        _started = true;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token);
        var token = linked.Token;

        // Leftovers of a killed run of this data dir hold its ports: clean up first, then check them.
        await CleanUpStaleProcessesAsync();
        if (Gateway is not null && Options.HttpPort != 0 && !FreePorts.IsFree(GatewayPort))
        {
            throw new InvalidOperationException($"Port {GatewayPort} (CRM_HTTP_PORT) is in use; choose another with CRM_HTTP_PORT.");
        }

        if (Options.EnableDashboard && Options.DashboardPort != 0 && !FreePorts.IsFree(DashboardPort))
        {
            throw new InvalidOperationException($"Port {DashboardPort} (CRM_DASHBOARD_PORT) is in use; choose another with CRM_DASHBOARD_PORT.");
        }

        _reaper = Reaper.Start(DataDir, Options.DeleteDataDirOnStop);
        CurrentRunState().Write(DataDir);
        foreach (var r in _resources)
        {
            r.MarkWaiting();
        }

        if (Options.EnableDashboard)
        {
            _dashboard = new DashboardServer(this, DashboardPort);
            await _dashboard.StartAsync(token);
        }

        _healthLoop = WatchHealthAsync(_lifetime.Token);

        _log($"starting postgres, redis, rabbitmq (data in {DataDir})");
        await Task.WhenAll(
            StartAndWaitAsync(Postgres, TimeSpan.FromSeconds(90), token),
            StartAndWaitAsync(Redis, TimeSpan.FromSeconds(30), token),
            StartAndWaitAsync(RabbitMq, TimeSpan.FromSeconds(120), token));
        await Postgres.EnsureDatabasesAsync(ServiceCatalog.Services.Select(s => s.Database!), token);

        if (Gateway is null)
        {
            _log("infrastructure is healthy (--infra-only)");
            return;
        }

        // The consumers first, with their queues bound, then Identity: Identity publishes the first admin's
        // UserCreated as it starts, and the broker drops a message published before any queue is bound to
        // its exchange. (The others read Identity's discovery document only when a request comes.)
        var consumers = _projects.Where(p => p.Service != ServiceCatalog.Identity.Name && p != Gateway).ToList();
        await StartGroupAsync(consumers, token);
        await WaitForBrokerConnectionAsync(consumers, token);
        await StartGroupAsync(_projects.Where(p => p.Service == ServiceCatalog.Identity.Name), token);
        await StartGroupAsync([Gateway], token);
    }

    public async Task StopResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            _log($"stopping {resource.Name}");
            await resource.StopAsync(ct);
        }
    }

    /// <summary>
    /// SIGKILLs the resource's process and its helpers, as a crash would (chaos tests), and returns once it is
    /// gone; supervision restarts it with back-off. Wait for it with <see cref="Resource.WaitHealthyAsync"/>.
    /// </summary>
    public async Task KillResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            _log($"killing {resource.Name}");
            await resource.KillAsync(ct);
        }
    }

    /// <summary>Starts a stopped resource again (same port and wiring) and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string name, CancellationToken ct = default)
    {
        foreach (var resource in GetResources(name))
        {
            _log($"starting {resource.Name}");
            var timeout = resource is ProjectResource ? Options.ServiceStartupTimeout : TimeSpan.FromSeconds(120);
            await StartAndWaitAsync(resource, timeout, ct);
        }
    }

    /// <summary>Stops services first (gateway, then the rest), then infrastructure, then sweeps stragglers.</summary>
    public async Task StopAsync()
    {
        await _lifetime.CancelAsync();
        var order = new List<IEnumerable<Resource>>();
        if (Gateway is not null)
        {
            order.Add([Gateway]);
        }

        order.Add(_projects.Where(p => p != Gateway));
        order.Add([Postgres, Redis, RabbitMq]);
        foreach (var group in order)
        {
            await Task.WhenAll(group.Select(StopQuietlyAsync));
        }

        if (_healthLoop is not null)
        {
            await _healthLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }

        await StaleProcesses.KillAsync(StaleProcesses.FindOwn(DataDir), TimeSpan.FromSeconds(5), _log);
        if (_reaper is not null)
        {
            // Everything stopped in order: the watcher has nothing left to do.
            _reaper.Kill();
            _reaper.Dispose();
            _reaper = null;
        }

        RunState.Delete(DataDir);
        if (Options.DeleteDataDirOnStop)
        {
            DataDirectory.TryDelete(DataDir);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
        _lifetime.Dispose();
    }

    private RunState CurrentRunState() => new(
        Environment.ProcessId,
        Gateway is null ? null : GatewayUrl,
        RabbitMq.ConnectionString,
        RabbitMq.ManagementUrl,
        _projects.Where(p => p != Gateway)
            .GroupBy(p => p.Service)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Url).ToList()));

    private ProjectResource AddProject(ServiceDefinition service, int index, string name, int port, ResourceContext context)
    {
        var dll = RepoLayout.ServiceDll(RepoRoot, service.ProjectFolder, service.AssemblyName, Options.Configuration);
        var project = new ProjectResource(name, service.Name, index, dll, port, context);
        project.DependsOn.Add(Postgres.Name);
        project.DependsOn.Add(Redis.Name);
        project.DependsOn.Add(RabbitMq.Name);
        _projects.Add(project);
        _resources.Add(project);
        return project;
    }

    /// <summary>The environment of docs/architecture.md, "Environment each service process receives".</summary>
    private void Wire(ProjectResource project)
    {
        var env = project.Environment;
        var isGateway = project == Gateway;
        env["ASPNETCORE_URLS"] = project.Url;
        env["ASPNETCORE_ENVIRONMENT"] = Options.EnvironmentName;
        env["DOTNET_ENVIRONMENT"] = Options.EnvironmentName;
        env["ConnectionStrings__redis"] = Redis.ConnectionString;
        env["Crm__PublicUrl"] = GatewayUrl;
        env["OTEL_SERVICE_NAME"] = project.Service;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}";
        if (DashboardUrl is not null)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{DashboardPort}";
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        // Aspire's service discovery: every service (for JWT discovery, and the owners' directory
        // sources a reconcile reads) and the gateway (its YARP destinations) learn where the replicas are.
        foreach (var target in ServiceCatalog.Services)
        {
            var replicas = _projects.Where(p => p.Service == target.Name && p != Gateway).ToList();
            for (var i = 0; i < replicas.Count; i++)
            {
                env[$"services__{target.Name}__http__{i}"] = replicas[i].Url;
            }
        }

        if (isGateway)
        {
            env["Gateway__SpaRoot"] = Path.Combine(RepoRoot, "web", "dist");
        }
        else
        {
            var service = ServiceCatalog.Services.Single(s => s.Name == project.Service);
            env[$"ConnectionStrings__{service.Database}db"] = Postgres.ConnectionString(service.Database!);
            env["ConnectionStrings__rabbitmq"] = RabbitMq.ConnectionString;
            if (service != ServiceCatalog.Identity)
            {
                project.DependsOn.Add(ServiceCatalog.Identity.Name);
            }
            else
            {
                env["Crm__AdminEmail"] = AdminEmail;
                env["Crm__AdminPassword"] = AdminPassword;
            }
        }

        if (isGateway)
        {
            project.DependsOn.Clear();
            project.DependsOn.Add("redis");
            foreach (var replica in _projects.Where(p => p != Gateway))
            {
                project.DependsOn.Add(replica.Name);
            }
        }

        foreach (var key in new[] { "*", project.Service, project.Name }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Options.ExtraEnvironment.TryGetValue(key, out var extra))
            {
                foreach (var (k, v) in extra)
                {
                    env[k] = v;
                }
            }
        }
    }

    private async Task StartGroupAsync(IEnumerable<ProjectResource> group, CancellationToken ct)
    {
        var list = group.ToList();
        _log($"starting {string.Join(", ", list.Select(p => p.Name))}");
        await Task.WhenAll(list.Select(p => StartAndWaitAsync(p, Options.ServiceStartupTimeout, ct)));
    }

    private async Task WaitForBrokerConnectionAsync(IReadOnlyList<ProjectResource> services, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var service in services)
        {
            while (!await service.IsBrokerConnectedAsync(ct))
            {
                if (DateTime.UtcNow > deadline)
                {
                    _log($"{service.Name} has not connected to the broker; events published before it does may miss it (./crm events reconcile repairs that)");
                    return;
                }

                await Task.Delay(250, ct);
            }
        }
    }

    private static async Task StartAndWaitAsync(Resource resource, TimeSpan timeout, CancellationToken ct)
    {
        await resource.StartAsync(ct);
        await resource.WaitHealthyAsync(timeout, ct);
    }

    private async Task StopQuietlyAsync(Resource resource)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await resource.StopAsync(cts.Token);
        }
        catch (Exception ex)
        {
            _log($"stopping {resource.Name} failed: {ex.Message}");
        }
    }

    private async Task CleanUpStaleProcessesAsync()
    {
        var stale = StaleProcesses.FromPidFiles(DataDir)
            .Concat(StaleProcesses.Find(DataDir))
            .Concat(StaleProcesses.FindOrphans())
            .Distinct()
            .ToList();
        await StaleProcesses.KillAsync(stale, TimeSpan.FromSeconds(20), _log);
    }

    private async Task WatchHealthAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(HealthInterval, ct);
                await Task.WhenAll(_resources.Where(r => r.State == ResourceState.Running).Select(async r =>
                {
                    var healthy = await r.SafeCheckAsync(ct);
                    if (r.State == ResourceState.Running)
                    {
                        r.Health = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy;
                    }
                }));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
