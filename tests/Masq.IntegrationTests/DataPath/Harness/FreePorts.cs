using System.Net;
using System.Net.Sockets;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>Free TCP ports on a loopback address, different on every call in this process.</summary>
internal static class FreePorts
{
    private static int _next = 30000 + Random.Shared.Next(0, 15000);

    public static int On(IPAddress address)
    {
        while (true)
        {
            int port = Interlocked.Increment(ref _next);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 30000);
                continue;
            }

            try
            {
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
