using System.Net;
using System.Net.Sockets;

namespace Crm.AppHost.Hosting;

/// <summary>
/// Picks free TCP ports on 127.0.0.1. Remembers what it handed out so two resources of one
/// topology never get the same port even before either has bound it.
/// </summary>
public sealed class FreePorts
{
    private readonly HashSet<int> _handedOut = [];
    private readonly Lock _gate = new();

    /// <summary>Returns <paramref name="preferred"/> when given (non-zero), else a free ephemeral port.</summary>
    public int Pick(int preferred = 0)
    {
        lock (_gate)
        {
            if (preferred > 0)
            {
                if (!_handedOut.Add(preferred))
                {
                    throw new InvalidOperationException($"Port {preferred} is already used by another resource.");
                }

                return preferred;
            }

            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = AskKernel();
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("Could not find a free TCP port.");
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int AskKernel()
    {
        // Port 0 lets the kernel choose an unused ephemeral port.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
