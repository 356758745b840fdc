using System.Net;
using System.Net.Sockets;

namespace Masq.Daemon.Launcher;

/// <summary>Finds free TCP ports on the loopback interface.</summary>
public static class FreePorts
{
    /// <summary>The first port at or above <paramref name="first"/> that can be bound on 127.0.0.1.</summary>
    public static int FindFrom(int first)
    {
        for (var port = first; port <= IPEndPoint.MaxPort; port++)
        {
            if (IsFree(IPAddress.Loopback, port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free port on 127.0.0.1 at or above {first}");
    }

    public static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.ExclusiveAddressUse = true;
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
