using System.Net.Sockets;

namespace Masq.Node.Links;

/// <summary>
/// How a link notices a peer that has gone silent without closing (its host died, its cable or veth went down, a NAT
/// forgot the mapping): no reset ever arrives, and TCP on its own gives up only after its retransmissions, about 15
/// minutes. Keepalive probes on a link that has heard nothing for half of <see cref="LinkOptions.DeadPeerAfter"/>, one
/// a second, and a TCP user timeout on data the peer has not acknowledged, close the link within
/// <see cref="LinkOptions.DeadPeerAfter"/>; the pool's "link failed" then takes the peer out of the Neighborhood, which
/// gossips it away, and routes avoid it.
/// </summary>
internal static class LinkLiveness
{
    private const int IpProtoTcp = 6;
    private const int TcpUserTimeout = 18;

    public static void Watch(Socket socket, LinkOptions options)
    {
        int seconds = Math.Max(2, (int)Math.Ceiling(options.DeadPeerAfter.TotalSeconds));
        int idle = seconds / 2;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, seconds - idle);
        if (OperatingSystem.IsLinux())
        {
            // Bounds both unacknowledged data and unanswered keepalives (tcp(7)).
            socket.SetRawSocketOption(IpProtoTcp, TcpUserTimeout, BitConverter.GetBytes(seconds * 1000));
        }
    }
}
