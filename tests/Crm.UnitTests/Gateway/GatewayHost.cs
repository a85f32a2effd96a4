using System.Net;
using System.Net.Sockets;
using Crm.Gateway.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.UnitTests.Gateway;

/// <summary>
/// The real gateway (gateway/appsettings.json, YARP, its middleware) on a loopback port, its clusters resolved by
/// service discovery to <see cref="FakeReplica"/>s: sales has two replicas, billing one live and one whose port
/// nobody listens on, the extra cluster <c>dead</c> only that. Redis is unreachable: no test here needs a session.
/// </summary>
public sealed class GatewayHost : IAsyncLifetime
{
    public const int LoginLimitPerAccount = 3;
    public const int ForgotPasswordLimitPerAccount = 2;

    private readonly List<FakeReplica> _replicas = [];
    private WebApplication? _gateway;

    public HttpClient Client { get; private set; } = null!;

    public FakeReplica Replica(string name) => _replicas.Single(r => r.Name == name);

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "identity", "sales-1", "sales-2", "billing-1", "activities-1", "activities-2" })
        {
            _replicas.Add(await FakeReplica.StartAsync(name));
        }

        var closedPort = $"http://127.0.0.1:{ClosedPort()}";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = $"127.0.0.1:{ClosedPort()},abortConnect=false,connectTimeout=200",
            ["Gateway:SpaRoot"] = Path.Combine(Path.GetTempPath(), "crm-no-spa"),
            ["Gateway:LoginRateLimit:PerIpAndEmail"] = LoginLimitPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:ForgotPasswordRateLimit:PerIpAndEmail"] = ForgotPasswordLimitPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["services:identity:http:0"] = Replica("identity").Url,
            ["services:sales:http:0"] = Replica("sales-1").Url,
            ["services:sales:http:1"] = Replica("sales-2").Url,
            ["services:billing:http:0"] = Replica("billing-1").Url,
            ["services:billing:http:1"] = closedPort,
            ["services:activities:http:0"] = Replica("activities-1").Url,
            ["services:activities:http:1"] = Replica("activities-2").Url,
            ["services:dead:http:0"] = closedPort,
            ["ReverseProxy:Routes:dead:ClusterId"] = "dead",
            ["ReverseProxy:Routes:dead:Match:Path"] = "/api/v1/dead/{**catch-all}",
            ["ReverseProxy:Clusters:dead:Destinations:dead:Address"] = "http://dead",
        };

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = GatewayFolder(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddBasicServiceDefaults();
        builder.AddGateway();
        builder.Logging.ClearProviders();
        _gateway = builder.Build();
        _gateway.UseGateway();
        await _gateway.StartAsync();
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(_gateway.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string GatewayFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "gateway", "appsettings.json")))
            {
                return Path.Combine(dir.FullName, "gateway");
            }
        }

        throw new DirectoryNotFoundException("gateway/appsettings.json not found above the test output folder");
    }
}
