using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Infrastructure;

public static class RabbitMqBuilderExtensions
{
    private const string SbinDir = "/usr/lib/rabbitmq/bin";

    /// <summary>
    /// rabbitmq-server with its node, logs and mnesia under &lt;data&gt;/rabbitmq, called directly (Debian's
    /// /usr/sbin wrapper switches user with su). Its epmd runs as a resource of its own on a port of this run:
    /// started by the node it would daemonize and outlive the run. The management plugin listens on loopback:
    /// it is how <c>./crm events</c> lists the error queues (AMQP cannot list queues).
    /// </summary>
    public static IResourceBuilder<ServerResource> AddCrmRabbitMq(this IDistributedApplicationBuilder builder, CrmSettings settings, out int managementPort)
    {
        var dir = Path.Combine(settings.DataDir, "rabbitmq");
        var port = FreePorts.Pick();
        var epmdPort = FreePorts.Pick();
        managementPort = FreePorts.Pick();
        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(dir, sub));
        }

        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_management].\n");
        // consumer_timeout is RabbitMQ's default, stated because the services' retry schedule relies on it:
        // a message stays unacknowledged while its consumer retries, and must be settled before this.
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), string.Join('\n',
            "management.tcp.ip = 127.0.0.1",
            "management.tcp.port = " + managementPort.ToString(CultureInfo.InvariantCulture),
            "management.rates_mode = none",
            "consumer_timeout = 1800000",
            ""));

        var epmd = builder.AddExecutable("rabbitmq-epmd", FindEpmd(), dir, "-port", epmdPort.ToString(CultureInfo.InvariantCulture));

        // Stable per data dir: mnesia keeps its data in a folder named after the node.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.DataDir)))[..8];
        var resource = new ServerResource("rabbitmq", Executables.Require("rabbitmq-server", "rabbitmq-server", Path.Combine(SbinDir, "rabbitmq-server")), dir, endpoint => ReferenceExpression.Create(
            $"amqp://guest:guest@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}/"));
        var rabbit = builder.AddResource(resource)
            .WithEnvironment("HOME", Path.Combine(dir, "home"))
            .WithEnvironment("RABBITMQ_NODENAME", $"crm-{hash}@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", port.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePorts.Pick().ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(dir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(dir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_FEATURE_FLAGS_FILE", Path.Combine(dir, "feature_flags"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(dir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(dir, "rabbitmq.pid"))
            // Keep the machine-wide env and config files out: this node is configured here only.
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(dir, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(dir, "rabbitmq"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(dir, "advanced.config"))
            // Erlang's schedulers spin while idle by default; on a shared two-core machine that spinning takes the CPU
            // the services need while everything starts (RabbitMQ's advice for hosts it shares).
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none")
            .WithServerEndpoint(port, async (_, ct) => await AnswersAmqpAsync(port, ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no AMQP connection.start"))
            .WaitForStart(epmd);
        epmd.WithParentRelationship(rabbit);
        return rabbit;
    }

    /// <summary>Healthy when the broker answers the AMQP 0-9-1 protocol header with connection.start.</summary>
    private static async Task<bool> AnswersAmqpAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
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

        // A method frame (type 1) on channel 0.
        return header[0] == 1 && header[1] == 0 && header[2] == 0;
    }

    private static string FindEpmd()
    {
        var erts = Directory.Exists("/usr/lib/erlang")
            ? Directory.GetDirectories("/usr/lib/erlang", "erts-*").Select(d => Path.Combine(d, "bin", "epmd")).ToArray()
            : [];
        return Executables.Require("epmd", "rabbitmq-server", erts);
    }
}
