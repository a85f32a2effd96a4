using System.Net.Sockets;
using System.Text;
using Crm.AppHost.Hosting;

namespace Crm.AppHost.Resources;

/// <summary>redis-server with append-only persistence under &lt;data&gt;/redis.</summary>
public sealed class RedisResource(ResourceContext context, int port) : Resource("redis", "executable", context)
{
    private readonly string _dir = Path.Combine(context.DataDir, "redis");

    public int Port { get; } = port;

    public override string Endpoint => $"tcp://127.0.0.1:{Port}";

    public string ConnectionString => $"127.0.0.1:{Port}";

    public override async Task<bool> CheckHealthAsync(CancellationToken ct) =>
        (await SendAsync("PING", ct)).StartsWith("+PONG", StringComparison.Ordinal);

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_dir);
        // A config file rather than flags: the data dir may contain spaces. No process title: rewriting
        // it would wipe the environment marker that finds a stale redis.
        var conf = $"""
            port {Port}
            bind 127.0.0.1
            protected-mode no
            daemonize no
            dir "{_dir}"
            appendonly yes
            save 60 1
            logfile ""
            set-proc-title no
            """;
        await File.WriteAllTextAsync(Path.Combine(_dir, "redis.conf"), conf + "\n", ct);
    }

    protected override ProcessSpec CreateProcessSpec() =>
        new("redis-server", [Path.Combine(_dir, "redis.conf")]) { WorkingDirectory = _dir };

    protected override async Task StopProcessAsync(ChildProcess process, CancellationToken ct)
    {
        try
        {
            // SHUTDOWN saves and exits; the connection just drops without a reply.
            await SendAsync("SHUTDOWN", ct);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // fall through to the signal below
        }

        await process.StopAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>One inline command over RESP; returns the first reply line (empty when the server closed).</summary>
    private async Task<string> SendAsync(string command, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), ct);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
