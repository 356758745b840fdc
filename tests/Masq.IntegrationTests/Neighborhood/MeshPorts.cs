using System.Net;
using System.Net.Sockets;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Listening ports for mesh Nodes, from 10000–19999: below Linux's ephemeral range (32768–60999), where the many client
/// sockets of a running mesh would otherwise take a port between the probe and the Node's start (a Node waiting for
/// its database on a busy machine can take half a minute), and apart from the other tests' ranges.
/// </summary>
internal static class MeshPorts
{
    private const int First = 10000;
    private const int Last = 19999;

    private static int _next = First + Random.Shared.Next(0, 5000);

    public static int On(IPAddress address)
    {
        while (true)
        {
            int port = Interlocked.Increment(ref _next);
            if (port > Last)
            {
                Interlocked.Exchange(ref _next, First);
                continue;
            }

            try
            {
                using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(address, port));
                listener.Listen(1);
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
