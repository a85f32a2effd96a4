using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Crm.AppHost.Hosting;

namespace Crm.AppHost.Resources;

/// <summary>
/// rabbitmq-server with its node, logs, mnesia and its own epmd (ERL_EPMD_PORT) under &lt;data&gt;/rabbitmq,
/// so two topologies run side by side and stopping one kills exactly its epmd. The management plugin
/// listens on loopback: it is how <c>./crm events</c> finds the error queues (AMQP cannot list queues).
/// </summary>
public sealed class RabbitMqResource : Resource
{
    private const string ServiceUser = "rabbitmq";
    private const string SbinDir = "/usr/lib/rabbitmq/bin";
    private readonly string _base;
    private readonly int _distPort;
    private readonly int _epmdPort;

    public RabbitMqResource(ResourceContext context, int port, int distPort, int epmdPort, int managementPort)
        : base("rabbitmq", "executable", context)
    {
        Port = port;
        ManagementPort = managementPort;
        _distPort = distPort;
        _epmdPort = epmdPort;
        _base = Path.Combine(context.DataDir, "rabbitmq");
        // Stable per data dir: mnesia keeps its data in a folder named after the node.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.DataDir)))[..8];
        NodeName = $"crm-{hash}@localhost";
    }

    public int Port { get; }

    public int ManagementPort { get; }

    /// <summary>The management HTTP API (guest/guest, loopback only).</summary>
    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";

    public string NodeName { get; }

    public override string Endpoint => $"amqp://127.0.0.1:{Port}";

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>Healthy when the broker answers the AMQP 0-9-1 protocol header with connection.start.</summary>
    public override async Task<bool> CheckHealthAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        var header = new byte[7];
        var read = 0;
        while (read < header.Length)
        {
            var n = await stream.ReadAsync(header.AsMemory(read), ct);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        // Method frame (type 1) on channel 0.
        return header[0] == 1 && header[1] == 0 && header[2] == 0;
    }

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(_base, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_base, "log"));
        await File.WriteAllTextAsync(Path.Combine(_base, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(_base, "rabbitmq.conf"), Config(), ct);
        await FileSystem.ChownAsync(_base, ServiceUser, Logs, Context.DataDir, ct);
    }

    protected override ProcessSpec CreateProcessSpec() =>
        new(FileSystem.FindExecutable("rabbitmq-server", SbinDir), [])
        {
            Environment = RabbitEnvironment(),
            RunAsUser = ServiceUser,
            WorkingDirectory = _base,
        };

    protected override async Task StopProcessAsync(ChildProcess process, CancellationToken ct)
    {
        await ChildProcess.RunAsync(
            new ProcessSpec(FileSystem.FindExecutable("rabbitmqctl", SbinDir), ["-n", NodeName, "stop"])
            {
                Environment = RabbitEnvironment(),
                RunAsUser = ServiceUser,
                WorkingDirectory = _base,
            },
            Logs,
            Context.DataDir,
            TimeSpan.FromSeconds(60),
            ct);
        await process.StopAsync(TimeSpan.FromSeconds(15));
        await KillEpmdAsync();
    }

    /// <summary>epmd daemonizes out of the node's process group; it is found by its port marker.</summary>
    private async Task KillEpmdAsync()
    {
        var epmds = StaleProcesses.FindOwn(Context.DataDir)
            .Where(pid => StaleProcesses.Command(pid) == "epmd")
            .ToList();
        await StaleProcesses.KillAsync(epmds, TimeSpan.FromSeconds(3));
    }

    /// <summary>
    /// consumer_timeout is RabbitMQ's default, stated because the services' retry schedule relies on it:
    /// a message stays unacknowledged while its consumer retries, and must be settled before this.
    /// </summary>
    private string Config() => string.Join('\n',
        "management.tcp.ip = 127.0.0.1",
        "management.tcp.port = " + ManagementPort.ToString(CultureInfo.InvariantCulture),
        "management.rates_mode = none",
        "consumer_timeout = 1800000",
        "");

    private Dictionary<string, string?> RabbitEnvironment()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string?>
        {
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port,
            ["RABBITMQ_DIST_PORT"] = _distPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_base, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_base, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(_base, "feature_flags"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_base, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(_base, "rabbitmq.pid"),
            // Keep the machine-wide env/config files out: this node is configured here only.
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_base, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_base, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_base, "advanced.config"),
        };
        if (Posix.IsRoot)
        {
            // The rabbitmq user's home holds the Erlang cookie shared by server and rabbitmqctl.
            env["HOME"] = "/var/lib/rabbitmq";
        }

        return env;
    }
}
