using System.Net;
using System.Net.Sockets;
using Masq.Node.Platform;
using Microsoft.Extensions.Logging;

namespace Masq.Node.EntryDns;

/// <summary>
/// Port 53 on 127.0.0.1, UDP and TCP, for the entry DNS. Only root can bind it, so the Node host binds it beside the
/// browser ports 80/443, before it drops privileges. A Node that cannot bind it (not root, or another resolver holds
/// it) goes without and says so once.
/// </summary>
internal sealed partial class EntryDnsSockets : IDisposable
{
    public const int Port = 53;

    /// <summary>Bound sockets; the host binds port 53, tests may hand in any port.</summary>
    internal EntryDnsSockets(Socket? udp, Socket? tcp)
    {
        Udp = udp;
        Tcp = tcp;
    }

    public static EntryDnsSockets None => new(null, null);

    public Socket? Udp { get; }

    /// <summary>Listening; for clients that retry over TCP (or always use it).</summary>
    public Socket? Tcp { get; }

    public static EntryDnsSockets BindIfPermitted(ILogger logger)
    {
        if (!PrivilegeDropper.IsPrivileged)
        {
            return None;
        }

#pragma warning disable CA2000 // The sockets pass to the EntryDnsSockets returned, which owns and disposes them; TryBind throws nothing.
        var udp = TryBind(SocketType.Dgram, ProtocolType.Udp, logger);
#pragma warning restore CA2000
        if (udp is null)
        {
            return None;
        }

        var tcp = TryBind(SocketType.Stream, ProtocolType.Tcp, logger);
        LogListening(logger, Port, tcp is null ? "UDP" : "UDP and TCP");
        return new EntryDnsSockets(udp, tcp);
    }

    public void Dispose()
    {
        Udp?.Dispose();
        Tcp?.Dispose();
    }

    private static Socket? TryBind(SocketType type, ProtocolType protocol, ILogger logger)
    {
        var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, Port));
            if (type == SocketType.Stream)
            {
                socket.Listen(64);
            }
            else
            {
                // Room for bursts (a browser opening a page asks for dozens of names at once) and for floods, so one
                // client's burst does not push out another's query before the loop gets to it.
                socket.ReceiveBufferSize = 1 << 20;
            }

            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            LogUnavailable(logger, Port, protocol.ToString().ToUpperInvariant(), e.SocketErrorCode.ToString());
            return null;
        }
    }

    [LoggerMessage(EventId = EntryDnsEventIds.Listening, Level = LogLevel.Information, Message = "Entry DNS on 127.0.0.1:{Port} ({Protocols}): every name resolves to 127.0.0.1 for 'dns_utility subvert'")]
    private static partial void LogListening(ILogger logger, int port, string protocols);

    [LoggerMessage(EventId = EntryDnsEventIds.Unavailable, Level = LogLevel.Warning, Message = "Entry DNS port 127.0.0.1:{Port} ({Protocol}) is not available ({Reason}); DNS subversion will not work with this Node")]
    private static partial void LogUnavailable(ILogger logger, int port, string protocol, string reason);
}
