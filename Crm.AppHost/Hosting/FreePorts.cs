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

    /// <summary>A port no other process listens on, and not handed out before in this process.</summary>
    public static int Pick()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>The requested port (checked free, else an error naming the setting), or a free one for 0.</summary>
    public static int PickOr(int requested)
    {
        if (requested == 0)
        {
            return Pick();
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
