using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Crm.AppHost.Services;
using Xunit;

namespace Crm.Testing;

/// <summary>
/// The whole CRM started once per test run by Aspire.Hosting.Testing from the real AppHost (Crm.AppHost), in a
/// fresh temp data dir on free ports with ASPNETCORE_ENVIRONMENT=Testing. Use it as a class or collection fixture:
/// every fixture instance shares the one application, which is stopped when the test process exits (and cleaned
/// up by Aspire's orchestrator if the process is killed).
/// </summary>
public sealed class CrmFixture : IAsyncLifetime
{
    public const string DefaultAdminEmail = "admin@crm.test";
    public const string DefaultAdminPassword = "Test-Admin-Passw0rd!";

    /// <summary>
    /// The consumers' retry schedule in tests (1 min 31 s in all; 15 min 51 s in production): long enough
    /// to outlast the chaos test's 60 s database outage with two attempts to spare (at 71 s and 91 s), as
    /// production's outlasts a longer one, and short enough that a message that keeps failing reaches its
    /// error queue within a test.
    /// </summary>
    public const string TestRetryIntervals = "200ms,500ms,1s,2s,4s,8s,15s,20s,20s,20s";

    /// <summary>The gateway's login limit per address and account in tests (5 a minute in production).</summary>
    public const int TestLoginLimitPerAccount = 30;

    /// <summary>A cold start (initdb, migrations) on a two-core machine busy with other builds and test runs.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static RunningCrm? _shared;

    /// <summary>
    /// Replicas per service (<c>sales</c>, <c>billing</c>...; 1 when absent) for the one start of this test run. Sales
    /// runs as two (sales-1, sales-2) so the failover test shares the run with every other test, and those run
    /// against a replicated service as production may. Change it only before the first fixture starts.
    /// </summary>
    public static Dictionary<string, int> Replicas { get; } = new(StringComparer.OrdinalIgnoreCase) { ["sales"] = 2 };

    // Tests see only the members below, never the orchestrator itself: the one that runs the CRM can then be
    // replaced by changing this file alone.
    private RunningCrm Crm => _shared ?? throw new InvalidOperationException("CrmFixture has not been initialized.");

    /// <summary>The app's public URL (what a browser opens), without a trailing slash.</summary>
    public string GatewayUrl => Crm.GatewayUrl;

    /// <summary>The same app over HTTPS, with the self-signed certificate generated under the data dir.</summary>
    public string GatewayHttpsUrl => Crm.GatewayHttpsUrl;

    /// <summary>The gateway's certificate (PEM), which a client of <see cref="GatewayHttpsUrl"/> trusts.</summary>
    public string GatewayCertificatePath => Path.Combine(DataDir, "tls", "localhost.crt");

    /// <summary>A client of <see cref="GatewayHttpsUrl"/> that trusts exactly the gateway's certificate, with its own cookie jar.</summary>
    public HttpClient CreateHttpsClient()
    {
        var trusted = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(GatewayCertificatePath);
        return new(new SocketsHttpHandler
        {
            CookieContainer = new System.Net.CookieContainer(),
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString() },
        })
        {
            BaseAddress = new Uri(GatewayHttpsUrl + "/"),
        };
    }

    /// <summary>Where this run keeps its data, secrets and <c>endpoints.json</c> (read by <c>./crm events</c>).</summary>
    public string DataDir => Crm.DataDir;

    /// <summary>The repository root (holding Crm.sln): committed files tests compare with or run.</summary>
    public string RepoRoot => Crm.RepoRoot;

    /// <summary>The first admin, created by Identity on start.</summary>
    public string AdminEmail => DefaultAdminEmail;

    public string AdminPassword => DefaultAdminPassword;

    /// <summary>identitydb, salesdb, billingdb, activitiesdb, postgres, redis, rabbitmq.</summary>
    public string GetConnectionString(string name) => Crm.GetConnectionString(name);

    // Resources go by their names: postgres, redis, rabbitmq, mail, identity, sales, billing, activities, gateway. A
    // service run with several replicas has one resource per replica (sales-1, sales-2...): its service name
    // stands for all of them, a replica's name for that one.

    /// <summary>The resource names of a service's replicas (<c>sales-1</c>, <c>sales-2</c>), or <c>[name]</c> for a single one.</summary>
    public IReadOnlyList<string> ReplicaNames(string service) => Crm.GetResources(service).Select(r => r.Name).ToList();

    /// <summary>The URL of one service process, bypassing the gateway: a replica's, or a service's first replica's.</summary>
    public string ServiceUrl(string name) =>
        Crm.GetResources(name)[0].Endpoint ?? throw new InvalidOperationException($"{name} has no endpoint.");

    /// <summary>The mail sink (resource <c>mail</c>): every mail the CRM sent, at <c>/</c> (a page) and <c>/api/messages?to=</c> (JSON).</summary>
    public string MailSinkUrl => ServiceUrl("mail");

    /// <summary>The key the AppHost gave the replicas for their control API (rolling redeploys).</summary>
    public string ReplicaControlKey => Crm.ControlKey;

    public string GatewayClientSecret => Crm.GatewayClientSecret;

    /// <summary>Stops the resource for good (until <see cref="StartResourceAsync"/>): no restart.</summary>
    public Task StopResourceAsync(string name) => Crm.StopResourceAsync(name);

    /// <summary>Starts a stopped resource again, with the same port and wiring, and returns once it is healthy.</summary>
    public Task StartResourceAsync(string name) => Crm.StartResourceAsync(name);

    /// <summary>
    /// SIGKILLs the resource's process and its children, as a crash would, and returns once it is gone; the
    /// platform restarts it by itself (see <see cref="WaitHealthyAsync"/> and <see cref="RestartCount"/>).
    /// </summary>
    public Task KillResourceAsync(string name) => Crm.KillResourceAsync(name);

    /// <summary>Returns once the resource answers its health check; throws when the time is up.</summary>
    public async Task WaitHealthyAsync(string name, TimeSpan timeout)
    {
        foreach (var resource in Crm.GetResources(name))
        {
            await resource.WaitHealthyAsync(timeout, CancellationToken.None);
        }
    }

    /// <summary>How many times the platform has restarted the resource after it died.</summary>
    public int RestartCount(string name) => Crm.GetResources(name).Sum(r => r.Restarts);

    /// <summary>
    /// The last lines of the resource's console (of each replica's, each headed by its name, state and health):
    /// for a failure message.
    /// </summary>
    public IReadOnlyList<string> RecentLogs(string name, int count)
    {
        var lines = new List<string>();
        foreach (var resource in Crm.GetResources(name))
        {
            lines.Add($"--- {resource.Name} ({resource.State}, {resource.Health}), last lines:");
            lines.AddRange(resource.RecentLogs(count));
        }

        return lines;
    }

    public async Task InitializeAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            _shared ??= await StartAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Shared across collections: the application outlives one fixture instance.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<RunningCrm> StartAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var dataDir = Path.Combine(Path.GetTempPath(), "crm-test-" + Guid.NewGuid().ToString("N")[..12]);
        List<string> args =
        [
            "--CRM_DATA_DIR=" + dataDir,
            "--CRM_HTTP_PORT=0",
            "--CRM_HTTPS_PORT=0",
            "--CRM_ENVIRONMENT=Testing",
            "--CRM_ADMIN_EMAIL=" + DefaultAdminEmail,
            "--CRM_ADMIN_PASSWORD=" + DefaultAdminPassword,
        ];
        if (Replicas.Count > 0)
        {
            args.Add("--replicas=" + string.Join(',', Replicas.Select(r => $"{r.Key}={r.Value}")));
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Crm_AppHost>([.. args], cts.Token);
        foreach (var project in builder.Resources.OfType<ServiceResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            if (project.Name == "gateway")
            {
                // A whole suite logs the same admin in from one address far more often than a person would;
                // the limit stays on (a gateway test proves it) but sized for that.
                resource
                    .WithEnvironment("Gateway__LoginRateLimit__PerIpAndEmail", TestLoginLimitPerAccount.ToString(CultureInfo.InvariantCulture))
                    .WithEnvironment("Gateway__LoginRateLimit__PerIp", "10000")
                    // Many tests ask for reset links from this one address; the limit per address and e-mail stays as in production.
                    .WithEnvironment("Gateway__ForgotPasswordRateLimit__PerIp", "10000");
            }
            else
            {
                resource.WithEnvironment("EventBus__RetryIntervals", TestRetryIntervals);
            }
        }

        var app = await builder.BuildAsync(cts.Token);
        try
        {
            await app.StartAsync(cts.Token);
            // The gateway starts beside the services: the CRM serves once every one of them is Healthy.
            await Task.WhenAll(builder.Resources.OfType<ServiceResource>()
                .Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, cts.Token)));
            var connectionStrings = await RunningCrm.ResolveConnectionStringsAsync(app, cts.Token);
            var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
            // xunit v2 has no assembly-level teardown; if this never runs, DCP stops what the AppHost started.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync(app, dataDir).GetAwaiter().GetResult();
            return new RunningCrm(app, repoRoot, dataDir, connectionStrings);
        }
        catch
        {
            await StopAsync(app, dataDir);
            throw;
        }
    }

    private static async Task StopAsync(DistributedApplication app, string dataDir)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await app.StopAsync(cts.Token);
            await app.DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // DCP cleans up after the test process either way
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // PostgreSQL's files belong to its own user when tests run as root; /tmp is cleaned eventually
        }
    }

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

}

/// <summary>Body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record LoginResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("user")] System.Text.Json.JsonElement User);
