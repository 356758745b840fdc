using System.Net;
using System.Net.Sockets;

namespace Masq.Cli.Localnet;

/// <summary>Tells whether a TCP port can be listened on, by binding it for a moment.</summary>
internal static class LocalnetPortProbe
{
    public static bool IsFree(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
