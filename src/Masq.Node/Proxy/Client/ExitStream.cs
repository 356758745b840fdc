using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Microsoft.Extensions.Logging;
using Masq.Lib.Blockchains;

using Masq.Node.DataPath;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// One stream at the exit (data-path.md §2.2 step 8, §2.3, §5): resolves and connects, writes requests to the server in
/// sequence order, and reads the server's data in chunks of up to <see cref="DataPathOptions.MaxRoutedChunkLength"/>
/// (<see cref="DataPathOptions.MaxChunkLength"/> in zero-hop), each sent back at once with whatever has arrived. The
/// reader waits while the way back is full, so a slow browser slows this Node's reads from the server. A client's
/// last_data half-closes the server side; the server's close is reported at once with last_data.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The stream owns its lifetime: RunAsync disposes its token source when it ends. The send gate is a SemaphoreSlim whose wait handle is never asked for, so it holds nothing to release, and a late sender may still release it.")]
internal sealed partial class ExitStream
{
    private readonly Channel<SequencedPacket> _requests;
    private readonly ReceiveCredit _requestCredit;
    private readonly SendCredit _responseCredit;
    private readonly SequenceBuffer<SequencedPacket> _order = new(64);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly string? _host;
    private readonly int _port;
    private readonly IExitReplyPath _reply;
    private readonly WalletAddress? _payer;
    private readonly ExitResolver _resolver;
    private readonly IAccountant _accountant;
    private readonly TrafficCounters _traffic;
    private readonly RatePack _rates;
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastActivity;
    private long _clientClosedAt = -1;
    private int _answered;

    // Responses are numbered under this gate: the reader's data, the last word and probe echoes share one sequence.
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private ulong _nextResponse;
    private bool _lastWordSent;

    public ExitStream(
        StreamKey key,
        string? host,
        int port,
        IExitReplyPath reply,
        WalletAddress? payer,
        ExitResolver resolver,
        IAccountant accountant,
        TrafficCounters traffic,
        RatePack rates,
        DataPathOptions options,
        TimeProvider time,
        ILogger logger)
    {
        Key = key;
        _host = host;
        _port = port;
        _reply = reply;
        _payer = payer;
        _resolver = resolver;
        _accountant = accountant;
        _traffic = traffic;
        _rates = rates;
        _options = options;
        _time = time;
        _logger = logger;
        _lastActivity = time.GetTimestamp();
        // Not bounded by a count: the originator sends at most a window of request bytes the server has not taken
        // (protocol.md §4), so the link task that delivers requests never waits for this server.
        _requests = Channel.CreateUnbounded<SequencedPacket>(new UnboundedChannelOptions { SingleReader = true });
        _requestCredit = new ReceiveCredit(options.EffectiveStreamWindow, options.EffectiveMaxStreamWindow, time);
        _responseCredit = new SendCredit(options.EffectiveStreamWindow);
    }

    public StreamKey Key { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>The sequence number of the request packet that opened the stream (for the ProxyClient's tombstones).</summary>
    public ulong OpeningSequence { get; init; }

    /// <summary>
    /// Whether the originator waits for the connection before its client sends (SOCKS5 CONNECT): once the server
    /// accepted, an empty response goes back first.
    /// </summary>
    public bool AnnounceConnection { get; init; }

    /// <summary>Whether the connection was announced (its empty response sent); until then a probe gets a credit update.</summary>
    private volatile bool _connectionAnnounced;

    /// <summary>Whether the stream could not be opened (for the ProxyClient's tombstones).</summary>
    public bool FailedToOpen { get; private set; }

    public void Start(Action<ExitStream> ended, CancellationToken stopping) => Completion = RunAsync(ended, stopping);

    /// <summary>
    /// This stream's charge in the Node's buffer budget: the request bytes it holds for its server (within the window the
    /// originator was granted). Released when the stream ends; the budget ends the stream when it holds the most.
    /// </summary>
    public BufferAccount? Buffers { get; init; }

    /// <summary>
    /// Queues a request packet without waiting (the originator's credit bounds what is queued). False when the stream has
    /// ended, or when the packet goes beyond the window the originator was granted (the stream ends).
    /// </summary>
    public ValueTask<bool> EnqueueAsync(SequencedPacket packet, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        if (!_requestCredit.TryReceive(packet.Data.Length))
        {
            LogOverWindow(Key.ToString(), _requestCredit.Limit);
            _requests.Writer.TryComplete();
            Expire();
            return ValueTask.FromResult(false);
        }

        if (!_requests.Writer.TryWrite(packet))
        {
            return ValueTask.FromResult(false);
        }

        Buffers?.Add(packet.Data.Length);
        return ValueTask.FromResult(true);
    }

    /// <summary>The originator's browser took response bytes: this stream may send up to <paramref name="limit"/> in all.</summary>
    public void GrantResponseCredit(ulong limit) => _responseCredit.Grant((long)Math.Min(limit, long.MaxValue));

    /// <summary>The server took <paramref name="length"/> request bytes (or they were dropped as duplicates): grant the originator more when due.</summary>
    private async ValueTask ConsumedRequestAsync(int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return;
        }

        var grant = _requestCredit.Consume(length, out long taken);
        Buffers?.Add(-taken);
        if (grant is not { } limit)
        {
            return;
        }

        // No exit service (ExitServiceCharge): the originator does not pay the exit for it, so it is not charged here.
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_lastWordSent)
            {
                await _reply.SendCreditAsync(Key, (ulong)limit, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Whether the stream has outlived its bounds (idle, or the client closed and the server has not finished).</summary>
    public bool HasExpired(long now)
    {
        long closedAt = Interlocked.Read(ref _clientClosedAt);
        return (closedAt >= 0 && _time.GetElapsedTime(closedAt, now) > _options.ClosedStreamLinger)
            || _time.GetElapsedTime(Interlocked.Read(ref _lastActivity), now) > _options.StreamIdleTimeout;
    }

    public void Expire()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Answers the originator's probe (an empty request that is not last_data) with an empty response at once, so the
    /// originator knows the route and this exit are alive. Skipped while a response is being sent: that one answers too.
    /// </summary>
    public async ValueTask EchoAsync(CancellationToken cancellationToken)
    {
        if (!_sendGate.Wait(0, CancellationToken.None))
        {
            return;
        }

        try
        {
            if (AnnounceConnection && !_connectionAnnounced && !_lastWordSent)
            {
                // A SOCKS5 CONNECT still connecting: its first empty response says "connected", so the probe is answered
                // with a credit update (the limit as it is), which the originator takes outside the sequence.
                await _reply.SendCreditAsync(Key, (ulong)_requestCredit.Limit, cancellationToken).ConfigureAwait(false);
            }
            else if (!_lastWordSent && await _reply.SendResponseAsync(Key, ReadOnlyMemory<byte>.Empty, _nextResponse++, lastData: false, cancellationToken).ConfigureAwait(false))
            {
                await ReportExitServiceAsync(0, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CryptDeException)
        {
            LogServerError(Key.ToString(), "the originator's key cannot be sealed for");
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends the next response in sequence (under the gate the probe echoes share).</summary>
    private async ValueTask<bool> SendNextAsync(ReadOnlyMemory<byte> data, bool lastData, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastWordSent)
            {
                return false;
            }

            _lastWordSent = lastData;
            return await _reply.SendResponseAsync(Key, data, _nextResponse++, lastData, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Tells the originator what went wrong with the server, in place of the last_data response (same gate, same sequence).</summary>
    private async ValueTask<bool> SendFailureNextAsync(ServerFailureKind failure, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastWordSent)
            {
                return false;
            }

            _lastWordSent = true;
            return await _reply.SendServerFailureAsync(Key, failure, _nextResponse, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());

    private async Task RunAsync(Action<ExitStream> ended, CancellationToken stopping)
    {
        await Task.Yield();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lifetime.Token);
        try
        {
            var socket = await OpenAsync(linked.Token).ConfigureAwait(false);
            if (socket is null)
            {
                FailedToOpen = true;
                return;
            }

            var network = new NetworkStream(socket, ownsSocket: true);
            await using (network.ConfigureAwait(false))
            {
                if (AnnounceConnection && await SendNextAsync(ReadOnlyMemory<byte>.Empty, lastData: false, linked.Token).ConfigureAwait(false))
                {
                    _connectionAnnounced = true;
                    await ReportExitServiceAsync(0, linked.Token).ConfigureAwait(false);
                }

                using var writerStop = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                using var answerTimer = new CancellationTokenSource(_options.ServerResponseTimeout, _time);
                var writing = WriteLoopAsync(network, socket, answerTimer, writerStop.Token);
                var failure = await ReadLoopAsync(network, answerTimer, linked.Token).ConfigureAwait(false);
                _requests.Writer.TryComplete();
                await writerStop.CancelAsync().ConfigureAwait(false);
                await writing.ConfigureAwait(false);
                if (failure is not null)
                {
                    // Reset: an abortive close of our side too, so the server is not left waiting.
                    socket.LingerState = new LingerOption(true, 0);
                }

                await SendLastWordAsync(failure, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (CryptDeException)
        {
            LogServerError(Key.ToString(), "the originator's key cannot be sealed for");
        }
        finally
        {
            _requests.Writer.TryComplete();
            Buffers?.Dispose();
            ended(this);
            _lifetime.Dispose();
        }
    }

    private async ValueTask<Socket?> OpenAsync(CancellationToken cancellationToken)
    {
        if (_host is null)
        {
            // TLS without SNI reached an exit: nowhere to go (data-path.md §2.4).
            LogNoHostname(Key.ToString());
            await SendNextAsync(ReadOnlyMemory<byte>.Empty, lastData: true, cancellationToken).ConfigureAwait(false);
            return null;
        }

        string host = _host;
        int port = _port;
        if (host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _)
            && HttpRequestParser.TryParseHostPort(host, _port, out var hostOnly, out var hostPort))
        {
            (host, port) = (hostOnly, hostPort);
        }

        bool literal = IPAddress.TryParse(host, out _);
        var addresses = await _resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        ServerFailureKind failure = ServerFailureKind.HostUnreachable;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timer = new CancellationTokenSource(_options.ConnectTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
                await socket.ConnectAsync(new IPEndPoint(address, port), linked.Token).ConfigureAwait(false);
                LogOpened(Key.ToString(), host, port);
                return socket;
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                socket.Dispose();
                failure = e is SocketException s ? ConnectFailure(s.SocketErrorCode) : ServerFailureKind.ConnectTimedOut;
                LogConnectFailed(host, address, port, e is SocketException se ? se.SocketErrorCode.ToString() : "timed out");
            }
        }

        if (addresses.Count == 0 && literal)
        {
            // An address literal this exit will not connect to (its own loopback, or 0.0.0.0).
            LogTargetRefused(Key.ToString(), host);
            await SendFailureNextAsync(ServerFailureKind.TargetRefusedByExit, cancellationToken).ConfigureAwait(false);
        }
        else if (addresses.Count == 0)
        {
            LogDnsFailed(host);
            await _reply.SendDnsFailureAsync(Key, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The name resolved (or was an address): the originator explains why the server could not be reached
            // (data-path.md §5 sent a DNS failure here, and only a close for an address literal).
            await SendFailureNextAsync(failure, cancellationToken).ConfigureAwait(false);
        }

        // The originator charges for this answer as for any other response; so must the exit, or the books disagree.
        await ReportExitServiceAsync(0, cancellationToken).ConfigureAwait(false);

        return null;
    }

    private static ServerFailureKind ConnectFailure(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ServerFailureKind.ConnectionRefused,
        SocketError.TimedOut => ServerFailureKind.ConnectTimedOut,
        SocketError.ConnectionReset or SocketError.ConnectionAborted => ServerFailureKind.ConnectionReset,
        _ => ServerFailureKind.HostUnreachable,
    };

    /// <param name="answerTimer">Fires when the server has been silent too long since the last request write, until its first answer.</param>
    private async Task WriteLoopAsync(NetworkStream network, Socket socket, CancellationTokenSource answerTimer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var packet in _requests.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // A probe is not activity: it must not keep a stream the browser has forgotten alive.
                if (!packet.Data.IsEmpty || packet.LastData)
                {
                    Touch();
                }

                switch (_order.Add(packet.SequenceNumber, packet))
                {
                    case SequenceAddResult.Duplicate:
                        await ConsumedRequestAsync(packet.Data.Length, cancellationToken).ConfigureAwait(false);
                        continue;
                    case SequenceAddResult.TooFarAhead:
                        LogLostPackets(Key.ToString(), _order.NextExpected, packet.SequenceNumber);
                        Expire();
                        return;
                }

                while (_order.TryTakeNext(out var next))
                {
                    if (!next.Data.IsEmpty)
                    {
                        await network.WriteAsync(next.Data, cancellationToken).ConfigureAwait(false);
                        _traffic.AddExit(toServer: next.Data.Length, fromServer: 0);
                        RestartAnswerTimer(answerTimer);
                        await ConsumedRequestAsync(next.Data.Length, cancellationToken).ConfigureAwait(false);
                    }

                    // Charged as exit service on arrival (ProxyClient.HandleRoutedAsync), not here.
                    if (next.LastData)
                    {
                        // The browser is done sending: tell the server, keep reading what it still has to say.
                        Interlocked.CompareExchange(ref _clientClosedAt, _time.GetTimestamp(), -1);
                        socket.Shutdown(SocketShutdown.Send);
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <returns>What went wrong with the server, if anything did.</returns>
    private async Task<ServerFailureKind?> ReadLoopAsync(NetworkStream network, CancellationTokenSource answerTimer, CancellationToken cancellationToken)
    {
        // Zero-hop answers are not sealed: they gain nothing from larger chunks, and smaller ones stay off the large object heap.
        int max = _reply is LocalReplyPath ? _options.MaxChunkLength : Math.Max(_options.MaxChunkLength, _options.MaxRoutedChunkLength);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(max);
        bool answered = false;
        using var firstAnswer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, answerTimer.Token);
        try
        {
            while (true)
            {
                // The originator's credit for this stream (protocol.md §4): a slow browser stops this stream's reads from
                // the server, and nothing else.
                int allowed = (int)Math.Min(max, await _responseCredit.WaitAsync(1, cancellationToken).ConfigureAwait(false));
                if (allowed == 0)
                {
                    break;
                }

                int length = await network.ReadAsync(buffer.AsMemory(0, allowed), answered ? cancellationToken : firstAnswer.Token).ConfigureAwait(false);
                if (length == 0)
                {
                    break;
                }

                if (!answered)
                {
                    answered = true;
                    StopAnswerTimer(answerTimer);
                }

                // Take what has already arrived too: fewer, fuller packages cost less sealing per byte.
                while (length < allowed && network.DataAvailable)
                {
                    int more = await network.ReadAsync(buffer.AsMemory(length, allowed - length), cancellationToken).ConfigureAwait(false);
                    if (more == 0)
                    {
                        break;
                    }

                    length += more;
                }

                Touch();
                _responseCredit.Take(length);
                if (!await SendNextAsync(buffer.AsMemory(0, length), lastData: false, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                _traffic.AddExit(toServer: 0, fromServer: length);
                await ReportExitServiceAsync(length, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!answered && answerTimer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogServerSilent(Key.ToString(), _options.ServerResponseTimeout);
            return ServerFailureKind.ResponseTimedOut;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            if (e is not OperationCanceledException)
            {
                LogServerError(Key.ToString(), e.Message);
            }

            var error = (e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode;
            if (error is SocketError.ConnectionReset or SocketError.ConnectionAborted && !cancellationToken.IsCancellationRequested)
            {
                return ServerFailureKind.ConnectionReset;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return null;
    }

    private void RestartAnswerTimer(CancellationTokenSource answerTimer)
    {
        try
        {
            if (!answerTimer.IsCancellationRequested && Volatile.Read(ref _answered) == 0)
            {
                answerTimer.CancelAfter(_options.ServerResponseTimeout);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void StopAnswerTimer(CancellationTokenSource answerTimer)
    {
        Volatile.Write(ref _answered, 1);
        try
        {
            answerTimer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// The server is done, failed, or the stream timed out: tell the originator at once (a failure instead of the
    /// last_data packet, at the same place in the sequence), but do not wait on it forever.
    /// </summary>
    private async Task SendLastWordAsync(ServerFailureKind? failure, CancellationToken stopping)
    {
        using var timer = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stopping);
        try
        {
            bool sent = failure is { } kind
                ? await SendFailureNextAsync(kind, linked.Token).ConfigureAwait(false)
                : await SendNextAsync(ReadOnlyMemory<byte>.Empty, lastData: true, linked.Token).ConfigureAwait(false);
            if (sent)
            {
                await ReportExitServiceAsync(0, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            LogServerError(Key.ToString(), "the originator did not take the end of the stream in time");
        }
    }

    private ValueTask ReportExitServiceAsync(int length, CancellationToken cancellationToken) =>
        _payer is null
            ? ValueTask.CompletedTask
            : _accountant.ReportAsync(new ExitServiceProvided(_payer, _rates.ExitServiceRate, _rates.ExitByteRate, length), cancellationToken);

    [LoggerMessage(EventId = DataPathEventIds.ExitNoHostname, Level = LogLevel.Warning, Message = "Stream {StreamKey} names no host (TLS without SNI); closed")]
    private partial void LogNoHostname(string streamKey);

    [LoggerMessage(EventId = DataPathEventIds.ExitDnsFailed, Level = LogLevel.Warning, Message = "Could not resolve {Host}")]
    private partial void LogDnsFailed(string host);

    [LoggerMessage(EventId = DataPathEventIds.ExitConnectFailed, Level = LogLevel.Warning, Message = "Could not connect to {Host} at {Address} port {Port}: {Reason}")]
    private partial void LogConnectFailed(string host, IPAddress address, int port, string reason);

    [LoggerMessage(EventId = DataPathEventIds.ExitServerError, Level = LogLevel.Information, Message = "Stream {StreamKey} ended: {Reason}")]
    private partial void LogServerError(string streamKey, string reason);

    [LoggerMessage(EventId = DataPathEventIds.ExitStreamOpened, Level = LogLevel.Debug, Message = "Stream {StreamKey} connected to {Host}:{Port}")]
    private partial void LogOpened(string streamKey, string host, int port);

    [LoggerMessage(EventId = DataPathEventIds.ExitTargetRefused, Level = LogLevel.Warning, Message = "Stream {StreamKey} asks for {Host}, an address this exit does not connect to")]
    private partial void LogTargetRefused(string streamKey, string host);

    [LoggerMessage(EventId = DataPathEventIds.ExitServerSilent, Level = LogLevel.Warning, Message = "Stream {StreamKey}: the server sent nothing for {Timeout} after the request")]
    private partial void LogServerSilent(string streamKey, TimeSpan timeout);

    [LoggerMessage(EventId = DataPathEventIds.ExitOverWindow, Level = LogLevel.Warning, Message = "Stream {StreamKey}: the originator sent beyond the window it was granted ({Limit} bytes); closed")]
    private partial void LogOverWindow(string streamKey, long limit);

    [LoggerMessage(EventId = DataPathEventIds.ExitLostPackets, Level = LogLevel.Warning, Message = "Stream {StreamKey} lost requests: expected {Expected}, got {Got}; closed")]
    private partial void LogLostPackets(string streamKey, ulong expected, ulong got);
}
