using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Crm.AppHost;
using Xunit;

namespace Crm.Testing;

/// <summary>
/// The whole CRM (infrastructure, services, gateway) started once per test run through the AppHost API,
/// in a fresh temp data dir on free ports with ASPNETCORE_ENVIRONMENT=Testing. Use it as a collection
/// fixture (see <see cref="CrmCollection"/>); every fixture instance shares the one topology, which is
/// stopped when the test process exits.
/// </summary>
public sealed class CrmFixture : IAsyncLifetime
{
    public const string DefaultAdminEmail = "admin@crm.test";
    public const string DefaultAdminPassword = "Test-Admin-Passw0rd!";

    /// <summary>
    /// The consumers' retry schedule in tests (about 2 min in all; 15 min 51 s in production): long enough
    /// to outlast the chaos test's 60 s database outage, as production's outlasts a longer one, and short
    /// enough that a message that keeps failing reaches its error queue within a test.
    /// </summary>
    public const string TestRetryIntervals = "200ms,500ms,1s,2s,4s,8s,15s,30s,60s";

    /// <summary>The gateway's login limit per address and account in tests (5 a minute in production).</summary>
    public const int TestLoginLimitPerAccount = 30;

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static CrmTopology? _shared;

    /// <summary>
    /// Replicas per service (<c>sales</c>, <c>billing</c>...; 1 when absent) for the one start of this test run.
    /// Set it before the first fixture starts, from a collection fixture of the test assembly that then starts this
    /// one (tests/Crm.FailoverTests): xunit creates collection fixtures by reflection before it touches any of the
    /// assembly's code, so a test class's static constructor or a module initializer is too late.
    /// </summary>
    public static Dictionary<string, int> Replicas { get; } = new(StringComparer.OrdinalIgnoreCase);

    // Tests see only the members below, never the orchestrator itself: the one that runs the CRM can then be
    // replaced by changing this file alone.
    private CrmTopology Topology => _shared ?? throw new InvalidOperationException("CrmFixture has not been initialized.");

    /// <summary>The app's public URL (what a browser opens), without a trailing slash.</summary>
    public string GatewayUrl => Topology.GatewayUrl;

    /// <summary>Where this run keeps its data, secrets and <c>endpoints.json</c> (read by <c>./crm events</c>).</summary>
    public string DataDir => Topology.DataDir;

    /// <summary>The repository root (holding Crm.sln): committed files tests compare with or run.</summary>
    public string RepoRoot => Topology.RepoRoot;

    public string? DashboardUrl => Topology.DashboardUrl;

    /// <summary>What the dashboard's state-changing endpoints require, as a bearer token.</summary>
    public string DashboardToken => Topology.DashboardToken;

    /// <summary>The dashboard link that stores <see cref="DashboardToken"/> in a cookie.</summary>
    public string? DashboardLoginUrl => Topology.DashboardLoginUrl;

    /// <summary>The first admin, created by Identity on start.</summary>
    public string AdminEmail => DefaultAdminEmail;

    public string AdminPassword => DefaultAdminPassword;

    /// <summary>identitydb, salesdb, billingdb, activitiesdb, postgres, redis, rabbitmq.</summary>
    public string GetConnectionString(string name) => Topology.GetConnectionString(name);

    // Resources go by their names: postgres, redis, rabbitmq, identity, sales, billing, activities, gateway. A
    // service run with several replicas has one resource per replica (sales-1, sales-2...): its service name
    // stands for all of them, a replica's name for that one.

    /// <summary>The resource names of a service's replicas (<c>sales-1</c>, <c>sales-2</c>), or <c>[name]</c> for a single one.</summary>
    public IReadOnlyList<string> ReplicaNames(string service) => Topology.GetResources(service).Select(r => r.Name).ToList();

    /// <summary>The URL of one service process, bypassing the gateway: a replica's, or a service's first replica's.</summary>
    public string ServiceUrl(string name) =>
        Topology.GetResources(name)[0].Endpoint ?? throw new InvalidOperationException($"{name} has no endpoint.");

    /// <summary>Stops the resource for good (until <see cref="StartResourceAsync"/>): no restart.</summary>
    public Task StopResourceAsync(string name) => Topology.StopResourceAsync(name);

    /// <summary>Starts a stopped resource again, with the same port and wiring, and returns once it is healthy.</summary>
    public Task StartResourceAsync(string name) => Topology.StartResourceAsync(name);

    /// <summary>
    /// SIGKILLs the resource's process and its children, as a crash would, and returns once it is gone; the
    /// platform restarts it by itself (see <see cref="WaitHealthyAsync"/> and <see cref="RestartCount"/>).
    /// </summary>
    public Task KillResourceAsync(string name) => Topology.KillResourceAsync(name);

    /// <summary>Returns once the resource answers its health check; throws when it is stopped or the time is up.</summary>
    public async Task WaitHealthyAsync(string name, TimeSpan timeout)
    {
        foreach (var resource in Topology.GetResources(name))
        {
            await resource.WaitHealthyAsync(timeout, CancellationToken.None);
        }
    }

    /// <summary>How many times the platform has restarted the resource after it died.</summary>
    public int RestartCount(string name) => Topology.GetResources(name).Sum(r => r.Restarts);

    /// <summary>
    /// The last lines of the resource's console (of each replica's, each headed by its name, state and health):
    /// for a failure message.
    /// </summary>
    public IReadOnlyList<string> RecentLogs(string name, int count)
    {
        var lines = new List<string>();
        foreach (var resource in Topology.GetResources(name))
        {
            lines.Add($"--- {resource.Name} ({resource.State}, {resource.Health}), last lines:");
            lines.AddRange(resource.Logs.Tail(count).Select(line => line.Text));
        }

        return lines;
    }

    public async Task InitializeAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                return;
            }

            var dataDir = Path.Combine(Path.GetTempPath(), "crm-test-" + Guid.NewGuid().ToString("N")[..12]);
            var options = new CrmTopologyOptions
            {
                DataDir = dataDir,
                HttpPort = 0,
                DashboardPort = 0,
                EnableDashboard = true,
                EnvironmentName = "Testing",
                DeleteDataDirOnStop = true,
                AdminEmail = DefaultAdminEmail,
                AdminPassword = DefaultAdminPassword,
                Log = message => Console.WriteLine($"[crm-fixture] {message}"),
            };
            // A whole suite logs the same admin in from one address far more often than a person would;
            // the limit stays on (a gateway test proves it) but sized for that.
            options.ExtraEnvironment["gateway"] = new Dictionary<string, string?>
            {
                ["Gateway__LoginRateLimit__PerIpAndEmail"] = TestLoginLimitPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway__LoginRateLimit__PerIp"] = "10000",
            };
            options.ExtraEnvironment["*"] = new Dictionary<string, string?> { ["EventBus__RetryIntervals"] = TestRetryIntervals };
            foreach (var (service, count) in Replicas)
            {
                options.Replicas[service] = count;
            }

            var topology = new CrmTopology(options);
            try
            {
                await topology.StartAsync();
            }
            catch
            {
                await topology.DisposeAsync();
                throw;
            }

            _shared = topology;
            // xunit v2 has no assembly-level teardown. The test host is usually torn down by its runner
            // before ProcessExit completes; the AppHost's detached reaper then stops what is left.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSharedAsync().GetAwaiter().GetResult();
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Shared across collections: the topology outlives one fixture instance.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A client whose base address is the gateway, with its own cookie jar (like a separate browser):
    /// a session cookie one test receives never rides along on another test's requests.
    /// </summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri(GatewayUrl + "/"),
        };

    /// <summary>Logs in through <c>POST /api/v1/auth/login</c> and returns a client sending the bearer token.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password, CancellationToken ct = default)
    {
        var token = await GetTokenAsync(email, password, ct);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>The login response itself (token, expiry, user).</summary>
    public async Task<LoginResponse> GetTokenAsync(string email, string password, CancellationToken ct = default)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password }, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"Login as {email} failed: {(int)response.StatusCode} {body}");
        }

        return await response.Content.ReadFromJsonAsync<LoginResponse>(ct)
            ?? throw new HttpRequestException("Login answered an empty body.");
    }

    public Task<HttpClient> AdminClientAsync(CancellationToken ct = default) => LoginAsync(AdminEmail, AdminPassword, ct);

    private static async Task StopSharedAsync()
    {
        if (_shared is { } topology)
        {
            _shared = null;
            await topology.DisposeAsync();
        }
    }
}

/// <summary>Body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record LoginResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("user")] System.Text.Json.JsonElement User);

/// <summary>
/// The collection name for tests sharing the running CRM. xunit v2 only honours a collection definition
/// declared in the test assembly itself, so each test project adds:
/// <code>
/// [CollectionDefinition(CrmCollection.Name)]
/// public sealed class CrmTests : ICollectionFixture&lt;CrmFixture&gt;;
/// </code>
/// and marks its classes <c>[Collection(CrmCollection.Name)]</c>. (<c>IClassFixture&lt;CrmFixture&gt;</c>
/// works as well: every fixture instance shares the one topology.)
/// </summary>
public static class CrmCollection
{
    public const string Name = "crm";
}
