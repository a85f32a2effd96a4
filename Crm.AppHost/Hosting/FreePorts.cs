using System.Net;
using System.Net.Sockets;

namespace Crm.AppHost.Hosting;

/// <summary>
/// Loopback ports for this run. Endpoints are not proxied (a service's replicas must be told apart by the
/// gateway, and a killed process must refuse connections as it would in production), so the AppHost picks them.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A port no other process listens on, and not handed out before in this process. Taken below the kernel's
    /// ephemeral range: a port from that range may be handed to an outgoing connection before the resource binds
    /// it (seen under load: "address already in use").
    /// </summary>
    public static int Pick()
    {
        var (low, high) = Range();
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {low} and {high}.");
    }

    /// <summary>From 20000 up to the start of the ephemeral range (/proc/sys/net/ipv4/ip_local_port_range).</summary>
    private static (int Low, int High) Range()
    {
        const int low = 20000;
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            var ephemeralStart = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
            return ephemeralStart > low + 1000 ? (low, ephemeralStart) : (10000, 20000);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return (low, 32768);
        }
    }

    /// <summary>The requested port (checked free, else an error naming the setting), or a free one for 0.</summary>
    public static int PickOr(int requested, string setting)
    {
        if (requested == 0)
        {
            return Pick();
        }

        if (!IsFree(requested))
        {
            throw new InvalidOperationException(
                $"Port {requested} ({setting}) is in use, by another run or another program: stop it, or choose another port with {setting}.");
        }

        lock (Given)
        {
            Given.Add(requested);
        }

        return requested;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
