using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Masq.Node.Protocol;
using Masq.Node.Proxy.Server;
using Masq.Node.Proxy.Socks;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;
using Masq.Node.Networking;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// One browser connection (the reference's reader and sorted writer for a browser stream). The reader frames what the
/// browser sends (HTTP requests with Content-Length or chunked bodies, CONNECT, TLS records; data-path.md §1, §3) into
/// chunks of at most <see cref="DataPathOptions.MaxChunkLength"/> for the ProxyServer; the writer puts responses on the
/// socket from a queue bounded by the stream's credit window and tells the ProxyServer what the browser took, which
/// grants the exit more (protocol.md §4): a slow browser slows its own stream only. TLS is never terminated.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The connection owns its lifetime: RunAsync disposes its token sources when the connection ends, and nothing else holds them.")]
internal sealed partial class BrowserConnection : IBrowserSink
{
    /// <summary>How long a closing connection keeps reading (and discarding) so the browser gets our last bytes, not a reset.</summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly BrowserPortStyle _style;
    private readonly ProxyServer _proxyServer;
    private readonly DataPathOptions _options;
    private readonly ILogger _logger;
    private readonly IPEndPoint _client;
    private readonly Channel<BrowserOutgoing> _outgoing;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _drain;
    private readonly CancellationTokenSource _head;
    private readonly HttpRequestParser _http;
    private readonly byte[] _pending;
    private int _pendingLength;
    private volatile ProxyStream? _current;
    private volatile bool _writerDone;

    /// <summary>Whether a write to the browser failed (it is gone), rather than the writer ending with the stream.</summary>
    private volatile bool _writeFailed;
    private bool _reset;
    private bool _stopped;
    private bool _headArmed;
    private BrowserReadState _state;
    private long _bodyRemaining;
    private ChunkedBodyScanner? _chunked;

    public BrowserConnection(Socket socket, BrowserPortStyle style, ProxyServer proxyServer, DataPathOptions options, TimeProvider time, ILogger logger, SocksGate? socks = null)
    {
        _socks = socks;
        _socket = socket;
        _style = style;
        _proxyServer = proxyServer;
        _options = options;
        _logger = logger;
        _client = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0);
        // Not bounded by a count: what a stream puts here is bounded by its credit window (protocol.md §4), so the link
        // task that delivers responses never waits for this browser.
        _outgoing = Channel.CreateUnbounded<BrowserOutgoing>(new UnboundedChannelOptions { SingleReader = true });
        _drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);

        // Slowloris and silent connections: the first request head (or ClientHello, or SOCKS5 handshake) must be complete in time.
        _head = new CancellationTokenSource(style == BrowserPortStyle.Socks5 ? options.SocksHandshakeTimeout : options.BrowserHeadTimeout, time);
        _headArmed = true;
        _http = new HttpRequestParser(options.MaxRequestHeadLength);
        _pending = new byte[options.MaxChunkLength + options.MaxRequestHeadLength + TlsRecordFramer.MaxRecordLength + 1024];
        _state = style switch
        {
            BrowserPortStyle.TransparentTls => BrowserReadState.ClientHello,
            BrowserPortStyle.Socks5 => BrowserReadState.SocksGreeting,
            _ => BrowserReadState.Head,
        };
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var network = new NetworkStream(_socket, ownsSocket: true);
        await using (network.ConfigureAwait(false))
        {
            using var writeToken = CancellationTokenSource.CreateLinkedTokenSource(stopping, _abort.Token);
            using var readToken = CancellationTokenSource.CreateLinkedTokenSource(stopping, _drain.Token, _head.Token);
            var writer = WriteLoopAsync(network, writeToken.Token);
            bool timedOut = false;
            try
            {
                await ReadLoopAsync(network, readToken.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_head.IsCancellationRequested && !_drain.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                if (_style == BrowserPortStyle.Socks5)
                {
                    ReportSocksProblem($"no whole SOCKS5 handshake within {_options.SocksHandshakeTimeout.TotalSeconds} s (state {_state})");
                }
                else
                {
                    LogTimedOut(_client, _state.ToString(), _options.BrowserHeadTimeout.TotalSeconds);
                }

                timedOut = true;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }

            LeaveSocksHandshake();
            var current = _current;
            if (timedOut)
            {
                // Nothing was asked of the stream (a silent tunnel): it ends at once, and so does the connection.
                if (current is not null)
                {
                    try
                    {
                        await _proxyServer.RetireAsync(current, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                _outgoing.Writer.TryComplete();
                await _abort.CancelAsync().ConfigureAwait(false);
            }
            else if (current is not null && !_stopped && !_writerDone)
            {
                try
                {
                    await _proxyServer.CloseFromClientAsync(current, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            else if (current is null)
            {
                _outgoing.Writer.TryComplete();
            }

            await writer.ConfigureAwait(false);
            if (_writeFailed && _current is { } gone && !_stopped)
            {
                // The browser is gone (a write to it failed: reset, or closed under a waiting write), whether its reading
                // side noticed first or not: the stream ends now, with what it holds for the browser. Left to linger (or,
                // with the write failed first, to nothing at all), it kept its buffered window until a timeout.
                try
                {
                    await _proxyServer.RetireAsync(gone, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            _abort.Dispose();
            _drain.Dispose();
            _head.Dispose();
        }
    }

    public async ValueTask WriteAsync(ProxyStream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (stream == _current)
        {
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Data, stream, data), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask FinishAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        if (stream == _current)
        {
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Finish, stream, ReadOnlyMemory<byte>.Empty), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask FailAsync(ProxyStream? stream, ReadOnlyMemory<byte> counterfeit, StreamFailure failure, CancellationToken cancellationToken)
    {
        if (_style == BrowserPortStyle.Socks5)
        {
            await FailSocksAsync(stream, failure, cancellationToken).ConfigureAwait(false);
        }
        else if (stream is null || stream == _current)
        {
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Fail, stream, counterfeit), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Reset(ProxyStream stream)
    {
        if (stream == _current)
        {
            // In order, after what is queued; the queue is short, so waiting for room is brief.
            if (!_outgoing.Writer.TryWrite(new BrowserOutgoing(BrowserOutgoingKind.Reset, stream, ReadOnlyMemory<byte>.Empty)))
            {
                _ = EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Reset, stream, ReadOnlyMemory<byte>.Empty), CancellationToken.None).AsTask();
            }
        }
    }

    public void Abort(ProxyStream stream)
    {
        if (stream == _current)
        {
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async ValueTask EnqueueAsync(BrowserOutgoing item, CancellationToken cancellationToken)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The connection is gone; what it would have said is a straggler.
        }
    }

    private async Task WriteLoopAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_outgoing.Reader.TryRead(out var item))
                {
                    bool current = item.Owner is null || item.Owner == _current;
                    switch (item.Kind)
                    {
                        case BrowserOutgoingKind.Data when current:
                            await network.WriteAsync(item.Data, cancellationToken).ConfigureAwait(false);
                            // Written: nothing refers to a pooled response chunk any more, and the exit may send as much again.
                            PooledChunk.TryRelease(item.Data);
                            if (item.Owner is { } owner)
                            {
                                _proxyServer.Consumed(owner, item.Data.Length);
                            }

                            break;
                        case BrowserOutgoingKind.Finish when current:
                            return;
                        case BrowserOutgoingKind.Fail when current:
                            await network.WriteAsync(item.Data, cancellationToken).ConfigureAwait(false);
                            return;
                        case BrowserOutgoingKind.Reset when current:
                            _reset = true;
                            return;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            _writeFailed = e is not OperationCanceledException;
        }
        finally
        {
            _writerDone = true;
            _outgoing.Writer.TryComplete();
            try
            {
                if (_reset)
                {
                    // Abortive close: closing with a zero linger sends RST, so the browser sees the answer broke off. Closed
                    // here, as disposing the NetworkStream would shut the socket down (a FIN) first.
                    _socket.LingerState = new LingerOption(true, 0);
                    _socket.Dispose();
                }
                else
                {
                    _socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }

            try
            {
                _drain.CancelAfter(_reset ? TimeSpan.Zero : DrainTime);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task ReadLoopAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(network, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (_stopped || _writerDone)
                {
                    // Closing: discard what the browser still sends until it closes or the drain time is up.
                    reader.AdvanceTo(buffer.End);
                    if (result.IsCompleted)
                    {
                        return;
                    }

                    continue;
                }

                buffer = await ProcessAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (!_stopped)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                // A new request head has begun: it must be complete in time, however slowly its bytes come.
                if (!_headArmed && !buffer.IsEmpty && _state is BrowserReadState.Head or BrowserReadState.ClientHello)
                {
                    ArmHeadTimeout();
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Frames as much of <paramref name="buffer"/> as can be; returns what is left for the next read.</summary>
    private async ValueTask<ReadOnlySequence<byte>> ProcessAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty && !_stopped)
        {
            if (_pendingLength >= _options.MaxChunkLength)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            int room = _options.MaxChunkLength - _pendingLength;
            long used;
            switch (_state)
            {
                case BrowserReadState.Head:
                    used = await ReadHeadAsync(buffer, cancellationToken).ConfigureAwait(false);
                    break;
                case BrowserReadState.Body:
                    used = Math.Min(_bodyRemaining, Math.Min(buffer.Length, room));
                    Append(buffer.Slice(0, used));
                    _bodyRemaining -= used;
                    if (_bodyRemaining == 0)
                    {
                        _state = BrowserReadState.Head;
                    }

                    break;
                case BrowserReadState.Chunked:
                    used = await ReadChunkedAsync(buffer.Slice(0, Math.Min(buffer.Length, room)), cancellationToken).ConfigureAwait(false);
                    break;
                case BrowserReadState.ClientHello:
                    used = await ReadClientHelloAsync(buffer, cancellationToken).ConfigureAwait(false);
                    break;
                case BrowserReadState.SocksGreeting:
                    used = await ReadSocksGreetingAsync(buffer, cancellationToken).ConfigureAwait(false);
                    break;
                case BrowserReadState.SocksRequest:
                    used = await ReadSocksRequestAsync(buffer, cancellationToken).ConfigureAwait(false);
                    break;
                case BrowserReadState.Opaque:
                    used = Math.Min(buffer.Length, room);
                    Append(buffer.Slice(0, used));
                    break;
                default:
                    used = await ReadRecordsAsync(buffer, room, cancellationToken).ConfigureAwait(false);
                    break;
            }

            if (used < 0)
            {
                // Need more bytes; when something is pending, send it first so a short chunk is not held back.
                if (_pendingLength > 0 && used == -2)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                break;
            }

            buffer = buffer.Slice(used);
        }

        return buffer;
    }

    /// <returns>Bytes used; -1 for "read more".</returns>
    private async ValueTask<long> ReadHeadAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        int defaultPort = _style == BrowserPortStyle.TransparentTls ? 443 : 80;
        switch (_http.TryParse(buffer, defaultPort, out var head, out var problem))
        {
            case HttpParseStatus.Incomplete:
                return -1;
            case HttpParseStatus.TooLarge:
                LogHeadTooLarge(_client, _options.MaxRequestHeadLength);
                await FailLocallyAsync(ServerImpersonator.HeadTooLarge(_options.MaxRequestHeadLength), cancellationToken).ConfigureAwait(false);
                return 0;
            case HttpParseStatus.Invalid:
                LogBadRequest(_client, problem!);
                await FailLocallyAsync(ServerImpersonator.UnreadableRequest(problem!), cancellationToken).ConfigureAwait(false);
                return 0;
        }

        long used = head!.Raw.Length;
        if (head.IsConnect)
        {
            if (head.Port != 443)
            {
                // The reference tunnels only TLS on 443; anything else through a tunnel would be unframeable and unaccountable.
                LogConnectRefused(_client, head.Host!, head.Port);
                await FailLocallyAsync(ServerImpersonator.ConnectRefused(head.Host!, head.Port), cancellationToken).ConfigureAwait(false);
                return used;
            }

            // Still HTTP: the browser waits for the CONNECT's answer, so a refusal is a page, not a TLS alert.
            if (!await AllowTargetAsync(head.Host!, ProxyProtocol.Http, cancellationToken).ConfigureAwait(false))
            {
                return used;
            }

            await SwitchStreamAsync(head.Host, 443, ProxyProtocol.Tls, cancellationToken).ConfigureAwait(false);
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Data, null, ServerImpersonator.ConnectEstablished), cancellationToken).ConfigureAwait(false);
            _state = BrowserReadState.Tunnel;

            // The tunnel's ClientHello must follow in time, as a head would.
            ArmHeadTimeout();
            return used;
        }

        if (head.Host is null)
        {
            LogNoHost(_client);
            await FailLocallyAsync(ServerImpersonator.NoHost(), cancellationToken).ConfigureAwait(false);
            return used;
        }

        if (!await AllowTargetAsync(head.Host, ProxyProtocol.Http, cancellationToken).ConfigureAwait(false))
        {
            return used;
        }

        await SwitchStreamAsync(head.Host, head.Port, ProxyProtocol.Http, cancellationToken).ConfigureAwait(false);
        var forward = head.ToForwardBytes();
        if (forward.Length > _options.MaxChunkLength - _pendingLength)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        forward.Span.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += forward.Length;
        switch (head.BodyKind)
        {
            case HttpBodyKind.ContentLength:
                _bodyRemaining = head.ContentLength;
                _state = BrowserReadState.Body;
                break;
            case HttpBodyKind.Chunked:
                _chunked = new ChunkedBodyScanner();
                _state = BrowserReadState.Chunked;
                break;
        }

        return used;
    }

    /// <returns>Bytes used; -2 for "flush, then read more"; 0 after an error.</returns>
    private async ValueTask<long> ReadChunkedAsync(ReadOnlySequence<byte> slice, CancellationToken cancellationToken)
    {
        long used = _chunked!.Advance(slice);
        if (used < 0)
        {
            LogBadRequest(_client, "its chunked body is malformed");
            await FailLocallyAsync(ServerImpersonator.UnreadableRequest("its chunked body is malformed"), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        Append(slice.Slice(0, used));
        if (_chunked.IsComplete)
        {
            _chunked = null;
            _state = BrowserReadState.Head;
        }

        return used == 0 ? -2 : used;
    }

    private async ValueTask<long> ReadClientHelloAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.FirstSpan[0] == (byte)'C')
        {
            // A CONNECT on the TLS port goes through the HTTP framer (data-path.md §2.4).
            _state = BrowserReadState.Head;
            return 0;
        }

        switch (TlsClientHelloParser.TryGetServerName(buffer, out var serverName))
        {
            case ClientHelloStatus.Incomplete:
                return -1;
            case ClientHelloStatus.NotClientHello:
                LogNotTls(_client);
                _stopped = true;
                _outgoing.Writer.TryComplete();
                return 0;
            case ClientHelloStatus.NoServerName:
                // Without a server name there is nowhere to go; missing_extension says exactly that.
                LogNoServerName(_client);
                await FailLocallyAsync(ServerImpersonator.TlsAlert(ServerImpersonator.AlertMissingExtension), cancellationToken).ConfigureAwait(false);
                return 0;
        }

        if (!await AllowTargetAsync(serverName!, ProxyProtocol.Tls, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        await SwitchStreamAsync(serverName, 443, ProxyProtocol.Tls, cancellationToken).ConfigureAwait(false);
        _state = BrowserReadState.Tunnel;
        return 0;
    }

    private async ValueTask<long> ReadRecordsAsync(ReadOnlySequence<byte> buffer, int room, CancellationToken cancellationToken)
    {
        long whole = TlsRecordFramer.WholeRecords(buffer, room);
        if (whole < 0)
        {
            LogNotTls(_client);
            await FailLocallyAsync(ServerImpersonator.TlsAlert(ServerImpersonator.AlertInternalError), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        if (whole == 0)
        {
            return -2;
        }

        Append(buffer.Slice(0, whole));
        return whole;
    }

    private async ValueTask<bool> AllowTargetAsync(string host, ProxyProtocol protocol, CancellationToken cancellationToken)
    {
        if (_options.AllowLoopbackTargets || !IsLoopbackHost(host))
        {
            return true;
        }

        LogLoopbackRefused(_client, host);
        await FailLocallyAsync(
            protocol == ProxyProtocol.Tls
                ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertAccessDenied)
                : ServerImpersonator.LoopbackRefused(host),
            cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>The reference's loopback list (data-path.md §2.2): 127.0.0.1, 0.0.0.0, ::1, :: and localhost, plus all of 127/8.</summary>
    internal static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));

    private async ValueTask SwitchStreamAsync(string? host, int port, ProxyProtocol protocol, CancellationToken cancellationToken)
    {
        if (_current is { } current && !current.IsFinished && current.Host == host && current.Port == port && current.Protocol == protocol)
        {
            return;
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } old)
        {
            await _proxyServer.RetireAsync(old, cancellationToken).ConfigureAwait(false);
        }

        _current = _proxyServer.OpenStream(this, _client, host, port, protocol);
    }

    private void ArmHeadTimeout()
    {
        _headArmed = true;
        _head.CancelAfter(_options.BrowserHeadTimeout);
    }

    private void Append(in ReadOnlySequence<byte> bytes)
    {
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += (int)bytes.Length;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingLength == 0 || _current is not { } stream)
        {
            return;
        }

        byte[] chunk = _pending.AsSpan(0, _pendingLength).ToArray();
        _pendingLength = 0;
        if (_headArmed)
        {
            // Data reaches a stream: the head (or ClientHello) is done; waiting on backpressure is no stalling.
            _headArmed = false;
            _head.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        if (!await _proxyServer.SendAsync(stream, chunk, cancellationToken).ConfigureAwait(false))
        {
            _stopped = true;
        }
    }

    private async ValueTask FailLocallyAsync(ReadOnlyMemory<byte> counterfeit, CancellationToken cancellationToken)
    {
        _stopped = true;
        _pendingLength = 0;
        if (_current is { } current)
        {
            await _proxyServer.RetireAsync(current, cancellationToken).ConfigureAwait(false);
        }

        await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Fail, null, counterfeit), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = DataPathEventIds.BrowserTimedOut, Level = LogLevel.Debug, Message = "Closed the connection from {Client}: no whole request head or ClientHello within {Seconds} s (state {State})")]
    private partial void LogTimedOut(IPEndPoint client, string state, double seconds);

    [LoggerMessage(EventId = DataPathEventIds.BrowserBadRequest, Level = LogLevel.Warning, Message = "Refused a request from {Client}: {Problem}")]
    private partial void LogBadRequest(IPEndPoint client, string problem);

    [LoggerMessage(EventId = DataPathEventIds.BrowserHeadTooLarge, Level = LogLevel.Warning, Message = "Refused a request from {Client}: its head is longer than {Limit} bytes")]
    private partial void LogHeadTooLarge(IPEndPoint client, int limit);

    [LoggerMessage(EventId = DataPathEventIds.BrowserNoHost, Level = LogLevel.Warning, Message = "Refused a request from {Client}: it names no host")]
    private partial void LogNoHost(IPEndPoint client);

    [LoggerMessage(EventId = DataPathEventIds.BrowserNotTls, Level = LogLevel.Warning, Message = "Closed a connection from {Client}: it does not speak TLS on the TLS port")]
    private partial void LogNotTls(IPEndPoint client);

    [LoggerMessage(EventId = DataPathEventIds.BrowserNoServerName, Level = LogLevel.Warning, Message = "Refused a TLS connection from {Client}: its ClientHello names no server (SNI)")]
    private partial void LogNoServerName(IPEndPoint client);

    [LoggerMessage(EventId = DataPathEventIds.BrowserConnectRefused, Level = LogLevel.Warning, Message = "Refused CONNECT {Host}:{Port} from {Client}: only port 443 is tunnelled")]
    private partial void LogConnectRefused(IPEndPoint client, string host, int port);

    [LoggerMessage(EventId = DataPathEventIds.LoopbackTargetRefused, Level = LogLevel.Warning, Message = "Refused a request from {Client} for the loopback host {Host}")]
    private partial void LogLoopbackRefused(IPEndPoint client, string host);
}
