using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Crm.AppHost.Hosting;

/// <summary>
/// What one run is made of, from CRM_* settings (environment or <c>--CRM_X=value</c>) and <c>--replicas</c>:
/// see README.md, Settings. Ports of the infrastructure and the services are picked free at each start so
/// two runs with different data dirs never collide.
/// </summary>
public sealed class CrmSettings
{
    public const string DefaultAdminEmail = "admin@crm.local";

    private CrmSettings(string repoRoot, string dataDir)
    {
        RepoRoot = repoRoot;
        DataDir = dataDir;
    }

    public string RepoRoot { get; }

    public string DataDir { get; }

    /// <summary>The gateway's port: CRM_HTTP_PORT (8080); 0 picks a free one.</summary>
    public int HttpPort { get; private init; }

    /// <summary>The gateway's HTTPS port: CRM_HTTPS_PORT (8443); 0 picks a free one.</summary>
    public int HttpsPort { get; private init; }

    /// <summary>CRM_TLS_CERT and CRM_TLS_KEY (PEM files), or null for a self-signed certificate for localhost.</summary>
    public string? TlsCertPath { get; private init; }

    public string? TlsKeyPath { get; private init; }

    /// <summary>The dashboard's port: CRM_DASHBOARD_PORT (18888).</summary>
    public int DashboardPort { get; private init; }

    /// <summary>ASPNETCORE_ENVIRONMENT of every service: CRM_ENVIRONMENT, "Development" unless tests say "Testing".</summary>
    public string EnvironmentName { get; private init; } = "Development";

    public string AdminEmail { get; private init; } = DefaultAdminEmail;

    /// <summary>CRM_ADMIN_PASSWORD, else generated once per data dir (see <see cref="AdminPasswordGenerated"/>).</summary>
    public string AdminPassword { get; private init; } = "";

    public bool AdminPasswordGenerated { get; private init; }

    public ReplicaCounts Replicas { get; private init; } = ReplicaCounts.None;

    public bool IsTesting => EnvironmentName == "Testing";

    public string GatewayUrl => $"http://localhost:{HttpPort}";

    public string GatewayHttpsUrl => $"https://localhost:{HttpsPort}";

    public static CrmSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var repoRoot = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var dataDir = DataDirFrom(configuration, appHostDirectory);
        Directory.CreateDirectory(dataDir);
        var password = NullIfEmpty(configuration["CRM_ADMIN_PASSWORD"]);
        var generated = password is null ? Secrets.GetOrCreate(dataDir, "admin-password") : default;
        return new CrmSettings(repoRoot, dataDir)
        {
            HttpPort = FreePorts.PickOr(Port(configuration, "CRM_HTTP_PORT", 8080), "CRM_HTTP_PORT"),
            HttpsPort = FreePorts.PickOr(Port(configuration, "CRM_HTTPS_PORT", 8443), "CRM_HTTPS_PORT"),
            TlsCertPath = NullIfEmpty(configuration["CRM_TLS_CERT"]),
            TlsKeyPath = NullIfEmpty(configuration["CRM_TLS_KEY"]),
            DashboardPort = FreePorts.PickOr(Port(configuration, "CRM_DASHBOARD_PORT", 18888), "CRM_DASHBOARD_PORT"),
            EnvironmentName = NullIfEmpty(configuration["CRM_ENVIRONMENT"]) ?? "Development",
            AdminEmail = NullIfEmpty(configuration["CRM_ADMIN_EMAIL"]) ?? DefaultAdminEmail,
            AdminPassword = password ?? generated.Value,
            AdminPasswordGenerated = password is null && !File.Exists(Path.Combine(dataDir, "secrets", "admin-password.shown")),
            Replicas = ReplicaCounts.Parse(configuration["replicas"] ?? configuration["CRM_REPLICAS"]),
        };
    }

    /// <summary>CRM_DATA_DIR, else .crm in the repository.</summary>
    public static string DataDirFrom(IConfiguration configuration, string appHostDirectory) =>
        Path.GetFullPath(NullIfEmpty(configuration["CRM_DATA_DIR"]) ?? Path.Combine(appHostDirectory, "..", ".crm"));

    private static int Port(IConfiguration configuration, string name, int fallback)
    {
        var raw = configuration[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535
            ? value
            : throw new FormatException($"{name}='{raw}' is not a port number.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
