using System.Net;
using System.Net.Sockets;

namespace Masq.Node.Persistence;

/// <summary>
/// Picks the clandestine port of a new database: a random port in 1025–9998 that is free right now, proven by
/// binding it on all interfaces.
/// </summary>
internal sealed class ClandestinePortPicker(Random random)
{
    public const int LowestPort = 1025;
    public const int HighestPort = 9998;
    private const int MaxAttempts = 200;

    public ClandestinePortPicker()
        : this(Random.Shared)
    {
    }

    public ushort PickFreePort()
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var port = random.Next(LowestPort, HighestPort + 1);
            if (IsFree(port))
            {
                return (ushort)port;
            }
        }

        throw new InvalidOperationException($"No free TCP port found in {LowestPort}–{HighestPort} after {MaxAttempts} attempts.");
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
