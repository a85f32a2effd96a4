using System.Net.Sockets;
using System.Text;
using Crm.AppHost.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.AppHost.Infrastructure;

public static class RedisBuilderExtensions
{
    /// <summary>redis-server with append-only persistence under &lt;data&gt;/redis; healthy when it answers PING.</summary>
    public static IResourceBuilder<ServerResource> AddCrmRedis(this IDistributedApplicationBuilder builder, CrmSettings settings)
    {
        var dir = Path.Combine(settings.DataDir, "redis");
        var port = FreePorts.Pick();
        Directory.CreateDirectory(dir);
        // A config file rather than flags: the data dir may contain spaces.
        File.WriteAllText(Path.Combine(dir, "redis.conf"), $"""
            port {port}
            bind 127.0.0.1
            protected-mode no
            daemonize no
            dir "{dir}"
            appendonly yes
            save 60 1
            logfile ""

            """);
        var resource = new ServerResource("redis", Executables.Require("redis-server", "redis-server"), dir, endpoint => ReferenceExpression.Create(
            $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
        return builder.AddResource(resource)
            .WithArgs(Path.Combine(dir, "redis.conf"))
            .WithServerEndpoint(port, async (_, ct) =>
            {
                var answer = await PingAsync(port, ct);
                return answer.StartsWith("+PONG", StringComparison.Ordinal)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"PING answered '{answer.Trim()}'");
            });
    }

    private static async Task<string> PingAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
