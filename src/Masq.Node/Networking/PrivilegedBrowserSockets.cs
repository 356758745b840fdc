using System.Net;
using System.Net.Sockets;
using Masq.Node.Platform;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Networking;

/// <summary>
/// The browser ports 80 and 443 on 127.0.0.1 for the transparent style of the seed (Host header / TLS SNI, with DNS
/// subversion). Only root can bind them, so the Node host binds them before it drops privileges and hands the
/// listening sockets to the StreamHandlerPool. A Node that cannot bind them (not root, or taken) goes without.
/// </summary>
internal sealed partial class PrivilegedBrowserSockets : IDisposable
{
    /// <summary>Listening sockets for the transparent styles; the host binds 80/443, tests may hand in any ports.</summary>
    internal PrivilegedBrowserSockets(Socket? http, Socket? tls)
    {
        Http = http;
        Tls = tls;
    }

    public static PrivilegedBrowserSockets None => new(null, null);

    public Socket? Http { get; }

    public Socket? Tls { get; }

    public static PrivilegedBrowserSockets BindIfPermitted(ILogger logger)
    {
        if (!PrivilegeDropper.IsPrivileged)
        {
            return None;
        }

        return new PrivilegedBrowserSockets(TryListen(80, logger), TryListen(443, logger));
    }

    public void Dispose()
    {
        Http?.Dispose();
        Tls?.Dispose();
    }

    private static Socket? TryListen(int port, ILogger logger)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(512);
            LogBound(logger, port);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            LogUnavailable(logger, port, e.SocketErrorCode.ToString());
            return null;
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.PrivilegedPortBound, Level = LogLevel.Information, Message = "Browser port 127.0.0.1:{Port} bound for transparent proxying")]
    private static partial void LogBound(ILogger logger, int port);

    [LoggerMessage(EventId = DataPathEventIds.PrivilegedPortUnavailable, Level = LogLevel.Warning, Message = "Browser port 127.0.0.1:{Port} is not available ({Reason}); use the forward-proxy port instead")]
    private static partial void LogUnavailable(ILogger logger, int port, string reason);
}
