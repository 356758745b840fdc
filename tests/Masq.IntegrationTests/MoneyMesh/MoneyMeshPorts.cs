using System.Net;
using System.Net.Sockets;

namespace Masq.IntegrationTests.MoneyMesh;

/// <summary>
/// Listening ports for the money mesh's Nodes, probed free, from 20000–29999: below Linux's ephemeral range (where the
/// mesh's many client sockets would take a port between the probe and a slow Node's start) and apart from the
/// neighborhood mesh's 10000–19999, which a mesh test run by someone else on the machine may be using.
/// </summary>
internal static class MoneyMeshPorts
{
    private const int First = 20000;
    private const int Last = 29999;

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
