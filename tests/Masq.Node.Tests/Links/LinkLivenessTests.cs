using System.Net;
using System.Net.Sockets;
using Masq.Node.Links;

namespace Masq.Node.Tests.Links;

/// <summary>The socket options that make a link notice a silent peer (the silent peer itself, a veth going down, is in the integration NatMeshTests).</summary>
public sealed class LinkLivenessTests
{
    [Fact]
    public void A_watched_link_probes_after_half_the_dead_peer_time_and_gives_up_unacknowledged_data_after_all_of_it()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        LinkLiveness.Watch(socket, new LinkOptions { DeadPeerAfter = TimeSpan.FromSeconds(8) });

        Assert.NotEqual(0, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
        Assert.Equal(4, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
        Assert.Equal(4, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
        if (OperatingSystem.IsLinux())
        {
            var userTimeout = new byte[4];
            Assert.Equal(4, socket.GetRawSocketOption(6, 18, userTimeout));
            Assert.Equal(8000, BitConverter.ToInt32(userTimeout));
        }
    }

    [Fact]
    public void A_dead_peer_time_under_two_seconds_still_leaves_one_second_of_quiet_and_one_probe()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        LinkLiveness.Watch(socket, new LinkOptions { DeadPeerAfter = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
    }
}
