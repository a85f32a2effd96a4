using System.Globalization;
using Crm.AppHost.Hosting;

namespace Crm.AppHost;

/// <summary>How to run the topology. <see cref="FromEnvironment"/> maps CRM_* variables and command-line flags.</summary>
public sealed class CrmTopologyOptions
{
    public const string DefaultAdminEmail = "admin@crm.local";

    /// <summary>Repository root (holding Crm.sln); found by walking up when null.</summary>
    public string? RepoRoot { get; set; }

    /// <summary>Where postgres/redis/rabbitmq keep their data between runs; default &lt;repo&gt;/.crm.</summary>
    public string? DataDir { get; set; }

    /// <summary>The gateway's port (the app URL); 0 picks a free one.</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>The dashboard's (and OTLP receiver's) port; 0 picks a free one.</summary>
    public int DashboardPort { get; set; } = 18888;

    public bool EnableDashboard { get; set; } = true;

    public string AdminEmail { get; set; } = DefaultAdminEmail;

    /// <summary>The first admin's password; generated once per data dir (and printed once) when null.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>ASPNETCORE_ENVIRONMENT of every service: "Development" or "Testing".</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Replica count per service (identity, sales, billing, activities); 1 when absent.</summary>
    public Dictionary<string, int> Replicas { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra environment per resource; keys are a resource name (sales-2), a service name (sales) or "*" (all projects).</summary>
    public Dictionary<string, Dictionary<string, string?>> ExtraEnvironment { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Start only postgres, redis and rabbitmq (e.g. to run services from an IDE).</summary>
    public bool InfrastructureOnly { get; set; }

    /// <summary>Build configuration the service binaries are taken from; default the AppHost's own.</summary>
    public string Configuration { get; set; } = RepoLayout.BuildConfiguration;

    /// <summary>How long one service may take to answer /health (the first start runs migrations).</summary>
    public TimeSpan ServiceStartupTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Throw-away data (tests): delete the data dir once everything has stopped, even after a crash of the host.</summary>
    public bool DeleteDataDirOnStop { get; set; }

    /// <summary>Where the AppHost reports progress; console by default.</summary>
    public Action<string> Log { get; set; } = Console.WriteLine;

    public static CrmTopologyOptions FromEnvironment(IReadOnlyList<string> args)
    {
        var options = new CrmTopologyOptions
        {
            HttpPort = IntFromEnv("CRM_HTTP_PORT", 8080),
            DashboardPort = IntFromEnv("CRM_DASHBOARD_PORT", 18888),
            DataDir = NullIfEmpty(Environment.GetEnvironmentVariable("CRM_DATA_DIR")),
            AdminEmail = NullIfEmpty(Environment.GetEnvironmentVariable("CRM_ADMIN_EMAIL")) ?? DefaultAdminEmail,
            AdminPassword = NullIfEmpty(Environment.GetEnvironmentVariable("CRM_ADMIN_PASSWORD")),
            EnvironmentName = NullIfEmpty(Environment.GetEnvironmentVariable("CRM_ENVIRONMENT")) ?? "Development",
        };

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.");
            switch (arg)
            {
                case "--replicas":
                    options.AddReplicas(Value());
                    break;
                case var _ when arg.StartsWith("--replicas=", StringComparison.Ordinal):
                    options.AddReplicas(arg["--replicas=".Length..]);
                    break;
                case "--infra-only":
                    options.InfrastructureOnly = true;
                    break;
                case "--no-dashboard":
                    options.EnableDashboard = false;
                    break;
                case "--data-dir":
                    options.DataDir = Value();
                    break;
                default:
                    throw new FormatException($"Unknown argument '{arg}'. Usage: crm run [--replicas sales=2,billing=2] [--infra-only] [--no-dashboard] [--data-dir DIR]");
            }
        }

        return options;
    }

    public void AddReplicas(string value)
    {
        foreach (var (service, count) in ReplicaCounts.Parse(value, ServiceCatalog.ScalableServices))
        {
            Replicas[service] = count;
        }
    }

    private static int IntFromEnv(string name, int fallback)
    {
        var raw = Environment.GetEnvironmentVariable(name);
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
