using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Masq.Lib.Configuration;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Proxy.Server;
using Masq.Node.Proxy.Socks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;
using Masq.Node.Networking;
using Masq.Node.Links;

namespace Masq.Node.Proxy;

/// <summary>
/// The StreamHandlerPool (data-path.md §1): owns the listeners and every socket but the exit's server sockets. The
/// clandestine listener (standard mode only) on the Node's IP, else 0.0.0.0, and clandestine port feeds the
/// <see cref="ClandestinePool"/>; the browser listeners on 127.0.0.1 (the forward-proxy port, and 80/443 when the
/// host could bind them) each start a <see cref="BrowserConnection"/>. A port that cannot be bound stops the Node
/// with the reason, as a configuration error would.
/// </summary>
internal sealed partial class StreamHandlerPool : BackgroundService, ICrashable
{
    private readonly NodeSettings _settings;
    private readonly IPersistentConfiguration _configuration;
    private readonly ClandestinePool _clandestine;
    private readonly ProxyServer _proxyServer;
    private readonly PrivilegedBrowserSockets _privileged;
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly CrashHook _crashHook;
    private readonly NodeFailure _failure;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<StreamHandlerPool> _logger;
    private readonly ILoggerFactory _loggers;
    private readonly List<(Socket Listener, BrowserPortStyle? Style)> _listeners = [];
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly SocksGate _socksGate;

    public StreamHandlerPool(
        NodeSettings settings,
        ClandestinePool clandestine,
        ProxyServer proxyServer,
        PrivilegedBrowserSockets privileged,
        DataPathOptions options,
        TimeProvider time,
        CrashHook crashHook,
        NodeFailure failure,
        IHostApplicationLifetime lifetime,
        ILogger<StreamHandlerPool> logger,
        ILoggerFactory loggers,
        IPersistentConfiguration configuration)
    {
        _settings = settings;
        _configuration = configuration;
        _clandestine = clandestine;
        _proxyServer = proxyServer;
        _privileged = privileged;
        _options = options;
        _time = time;
        _crashHook = crashHook;
        _failure = failure;
        _lifetime = lifetime;
        _logger = logger;
        _loggers = loggers;
        _socksGate = new SocksGate(options, time, loggers);
    }

    public string Key => "STREAMHANDLERPOOL";

    /// <summary>Where the clandestine listener is, once started (null when this Node accepts no connections).</summary>
    public IPEndPoint? ClandestineEndpoint { get; private set; }

    /// <summary>Where the forward proxy listens, once started (null when it is off).</summary>
    public IPEndPoint? ProxyEndpoint { get; private set; }

    /// <summary>Where the SOCKS5 proxy listens, once started (null when it is off).</summary>
    public IPEndPoint? SocksEndpoint { get; private set; }

    public void Crash(string panicMessage) => _crashHook.Crash(Key, panicMessage);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_settings.NeighborhoodMode == NeighborhoodMode.Standard)
            {
                int port = _settings.ClandestinePort ?? _configuration.GetClandestinePort();
                var address = _settings.Ip ?? IPAddress.Any;
                var listener = Listen(new IPEndPoint(address, port), "clandestine-port");
                ClandestineEndpoint = (IPEndPoint)listener.LocalEndPoint!;
                _listeners.Add((listener, null));
                LogClandestineListening(ClandestineEndpoint);
            }

        }
        catch (SocketException e)
        {
            // Reported like a configuration error: the Node stops and says which port and why.
            _failure.Record(Key, e.Message);
            LogListenFailed(e.Message);
            _lifetime.StopApplication();
            return Task.CompletedTask;
        }

        // Without its forward proxy or SOCKS5 the Node still routes and exits for others (and may have ports 80/443), so
        // a taken port is an error to fix, not a reason to stop. Loopback only: neither asks who is browsing.
        ProxyEndpoint = ListenForBrowsers(_settings.ProxyPort, BrowserPortStyle.ForwardProxy, "proxy-port", "forward proxy");
        SocksEndpoint = ListenForBrowsers(_settings.SocksPort, BrowserPortStyle.Socks5, "socks-port", "SOCKS5");

        if (_privileged.Http is { } http)
        {
            _listeners.Add((http, BrowserPortStyle.TransparentHttp));
        }

        if (_privileged.Tls is { } tls)
        {
            _listeners.Add((tls, BrowserPortStyle.TransparentTls));
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (listener, _) in _listeners)
        {
            listener.Dispose();
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _clandestine.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(l => AcceptLoopAsync(l.Listener, l.Style, stoppingToken)));

    /// <returns>Where it listens; null when <paramref name="port"/> is 0 (off) or cannot be bound (logged).</returns>
    private IPEndPoint? ListenForBrowsers(int port, BrowserPortStyle style, string parameter, string name)
    {
        if (port == 0)
        {
            return null;
        }

        try
        {
            var listener = Listen(new IPEndPoint(IPAddress.Loopback, port), parameter);
            var endpoint = (IPEndPoint)listener.LocalEndPoint!;
            _listeners.Add((listener, style));
            LogBrowserListening(endpoint, name);
            return endpoint;
        }
        catch (SocketException e)
        {
            LogBrowserListenerOff(name, e.Message);
            return null;
        }
    }

    private static Socket Listen(IPEndPoint endpoint, string parameter)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SocketException((int)e.SocketErrorCode, $"{parameter} - cannot listen on {endpoint}: {e.Message}");
        }
    }

    private async Task AcceptLoopAsync(Socket listener, BrowserPortStyle? style, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(e.SocketErrorCode.ToString());
                continue;
            }

            socket.NoDelay = true;
            if (style is not { } browserStyle)
            {
                _clandestine.Accept(socket);
                continue;
            }

            SocksGate? socks = browserStyle == BrowserPortStyle.Socks5 ? _socksGate : null;
            if (socks is not null && !socks.TryEnter(socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0)))
            {
                socket.Dispose();
                continue;
            }

            var connection = new BrowserConnection(socket, browserStyle, _proxyServer, _options, _time, _loggers.CreateLogger<BrowserConnection>(), socks);
            var running = connection.RunAsync(stoppingToken);
            _connections[running] = true;
            _ = running.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.ClandestineListening, Level = LogLevel.Information, Message = "Listening for other Nodes on {Endpoint}")]
    private partial void LogClandestineListening(IPEndPoint endpoint);

    [LoggerMessage(EventId = DataPathEventIds.BrowserListening, Level = LogLevel.Information, Message = "Listening for browsers on {Endpoint} ({Style})")]
    private partial void LogBrowserListening(IPEndPoint endpoint, string style);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineListenFailed, Level = LogLevel.Critical, Message = "Configuration error: {Reason}")]
    private partial void LogListenFailed(string reason);

    [LoggerMessage(EventId = DataPathEventIds.BrowserListenFailed, Level = LogLevel.Error, Message = "The {Listener} is off: {Reason}")]
    private partial void LogBrowserListenerOff(string listener, string reason);

    [LoggerMessage(EventId = DataPathEventIds.BrowserConnectionFailed, Level = LogLevel.Warning, Message = "Accepting a connection failed: {Reason}")]
    private partial void LogAcceptFailed(string reason);
}
