using System.Net;
using System.Net.Sockets;

namespace Masq.IntegrationTests.Infrastructure;

internal static class Ports
{
    private static int _next = 20000 + Random.Shared.Next(0, 10000);

    /// <summary>A free port on 127.0.0.1 (the OS confirms it is free now; each call gives a different one).</summary>
    public static int Free()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 20000);
                continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
