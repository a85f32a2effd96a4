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

    /// <summary>The running topology: stop/start a resource with StopResourceAsync/StartResourceAsync.</summary>
    public CrmTopology Topology => _shared ?? throw new InvalidOperationException("CrmFixture has not been initialized.");

    public string GatewayUrl => Topology.GatewayUrl;

    public string? DashboardUrl => Topology.DashboardUrl;

    public string DataDir => Topology.DataDir;

    /// <summary>The first admin, created by Identity on start.</summary>
    public string AdminEmail => DefaultAdminEmail;

    public string AdminPassword => DefaultAdminPassword;

    /// <summary>identitydb, salesdb, billingdb, activitiesdb, postgres, redis, rabbitmq.</summary>
    public string GetConnectionString(string name) => Topology.GetConnectionString(name);

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
            Configure?.Invoke(options);
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

    /// <summary>Hook for a test assembly to adjust options (e.g. replicas) before the one start; set it in a static constructor.</summary>
    public static Action<CrmTopologyOptions>? Configure { get; set; }

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
