using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Networking;

/// <summary>
/// One TCP link to a neighbor, either direction: a bounded queue of sealed packages that one writer masks and sends
/// (batched into few socket writes), and one reader that unmasks frames and hands each package to the Hopper in order.
/// Packages queue while an outgoing link is still connecting. Backpressure: a full queue makes senders wait, and a
/// slow Hopper makes the reader wait, which TCP carries back to the sending Node.
/// Bytes it buffers (a partial frame, queued packages) are charged to the Node's <see cref="BufferBudget"/>, which may
/// close it; a link another Node opened must bring a whole frame within <see cref="DataPathOptions.FirstFrameTimeout"/>,
/// and every frame, once started, must be complete within <see cref="DataPathOptions.FrameTimeout"/>.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The link owns its lifetime: it disposes its token sources when it closes or fails to connect, and nothing else holds them.")]
internal sealed partial class ClandestineConnection
{
    private const int WriteBatchLength = 256 * 1024;

    private readonly Channel<OutboundPackage> _outbound;
    private readonly IMasquerader _masquerader;
    private readonly IClandestineInbound _inbound;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _stall;
    private readonly BufferAccount _account;
    private readonly LinkBufferPool _buffers;
    private readonly PeerConduct _conduct;
    private readonly DataPathOptions _options;

    private ClandestineConnection(IPEndPoint remote, bool accepted, IMasquerader masquerader, IClandestineInbound inbound, DataPathOptions options, TimeProvider time, BufferBudget budget, PeerConduct conduct, ILogger logger)
    {
        Remote = remote;
        IsAccepted = accepted;
        _masquerader = masquerader;
        _inbound = inbound;
        _options = options;
        _conduct = conduct;
        _logger = logger;
        _stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _account = budget.Open(remote.Address, Close);
        _buffers = budget.Pool;
        _outbound = Channel.CreateBounded<OutboundPackage>(new BoundedChannelOptions(options.LinkQueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            // An idle writer masks and sends on the queuing task (no thread hop per package: latency, context switches).
            AllowSynchronousContinuations = true,
        });
    }

    public IPEndPoint Remote { get; }

    /// <summary>Whether another Node opened this link.</summary>
    public bool IsAccepted { get; }

    /// <summary>Ends when the link is closed for good.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsClosed => _outbound.Reader.Completion.IsCompleted || _closing.IsCancellationRequested;

    /// <summary>A link this Node opens; packages may be queued at once.</summary>
    public static ClandestineConnection Connect(
        IPEndPoint remote,
        IMasquerader masquerader,
        IClandestineInbound inbound,
        DataPathOptions options,
        TimeProvider time,
        BufferBudget budget,
        PeerConduct conduct,
        Action<ClandestineConnection, bool> closed,
        ILogger logger,
        CancellationToken stopping)
    {
        var link = new ClandestineConnection(remote, accepted: false, masquerader, inbound, options, time, budget, conduct, logger);
        link.Completion = link.ConnectAndRunAsync(options.LocalAddress, options.ConnectTimeout, time, closed, stopping);
        return link;
    }

    /// <summary>A link another Node opened to this one.</summary>
    public static ClandestineConnection Accept(
        Socket socket,
        IMasquerader masquerader,
        IClandestineInbound inbound,
        DataPathOptions options,
        TimeProvider time,
        BufferBudget budget,
        PeerConduct conduct,
        Action<ClandestineConnection, bool> closed,
        ILogger logger,
        CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);
        var link = new ClandestineConnection(remote, accepted: true, masquerader, inbound, options, time, budget, conduct, logger);

        // No idle handshakes: a link opened to this Node must bring a whole frame soon.
        link._stall.CancelAfter(options.FirstFrameTimeout);
        link.Completion = link.RunAsync(socket, closed, stopping);
        return link;
    }

    /// <summary>Queues a sealed package if there is room now, without waiting; false when full or closed.</summary>
    public bool TryEnqueue(OutboundPackage package)
    {
        int length = package.Length;
        if (!_outbound.Writer.TryWrite(package))
        {
            return false;
        }

        _account.Add(length);
        return true;
    }

    /// <summary>
    /// Queues a sealed package; false when the link has closed (the caller keeps the package and may open a new link).
    /// Once queued, the link owns the package and releases a pooled buffer after sending it.
    /// </summary>
    public async ValueTask<bool> EnqueueAsync(OutboundPackage package, CancellationToken cancellationToken)
    {
        try
        {
            int length = package.Length;
            await _outbound.Writer.WriteAsync(package, cancellationToken).ConfigureAwait(false);
            _account.Add(length);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public void Close()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ConnectAndRunAsync(IPAddress? localAddress, TimeSpan timeout, TimeProvider time, Action<ClandestineConnection, bool> closed, CancellationToken stopping)
    {
        await Task.Yield();
#pragma warning disable CA2000 // disposed when the connect fails; RunAsync's NetworkStream owns it otherwise
        var socket = new Socket(Remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore CA2000
        try
        {
            if (localAddress is { } local && !local.Equals(IPAddress.Any) && local.AddressFamily == Remote.AddressFamily)
            {
                socket.Bind(new IPEndPoint(local, 0));
            }

            using var timer = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stopping, _closing.Token);
            await socket.ConnectAsync(Remote, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            _outbound.Writer.TryComplete();
            _account.Dispose();
            if (!stopping.IsCancellationRequested)
            {
                LogConnectFailed(Remote, e is OperationCanceledException ? "timed out" : e.Message);
            }

            closed(this, false);
            _closing.Dispose();
            _stall.Dispose();
            return;
        }

        LogConnected(Remote);
        await RunAsync(socket, closed, stopping).ConfigureAwait(false);
    }

    private async Task RunAsync(Socket socket, Action<ClandestineConnection, bool> closed, CancellationToken stopping)
    {
        await Task.Yield();
        socket.NoDelay = true;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closing.Token);
        var network = new NetworkStream(socket, ownsSocket: true);
        await using (network.ConfigureAwait(false))
        {
            var reading = ReadLoopAsync(network, linked.Token);
            var writing = WriteLoopAsync(network, linked.Token);
            await Task.WhenAny(reading, writing).ConfigureAwait(false);
            _outbound.Writer.TryComplete();
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }

            await Task.WhenAll(reading, writing).ConfigureAwait(false);
        }

        LogClosed(Remote);
        _account.Dispose();
        closed(this, true);
        _closing.Dispose();
        _stall.Dispose();
    }

    private async Task ReadLoopAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        // Zero-byte reads: an idle link holds no read buffer; a partial frame grows the buffer only as its bytes arrive.
        var reader = PipeReader.Create(network, new StreamPipeReaderOptions(_buffers, bufferSize: LinkBufferPool.SegmentLength, minimumReadSize: 64 * 1024, leaveOpen: true, useZeroByteReads: true));
        var unmasker = _masquerader.CreateUnmasker();
        ArrayBufferWriter<byte>? output = null;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stall.Token);
        long charged = 0;
        bool armed = IsAccepted;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(reading.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                int frames = 0;
                while (true)
                {
                    output ??= new ArrayBufferWriter<byte>(16 * 1024);
                    output.ResetWrittenCount();
                    var status = unmasker.TryUnmask(buffer, output, out long consumed);
                    if (status == UnmaskStatus.Malformed)
                    {
                        if (_conduct.Report(Remote))
                        {
                            LogMalformed(Remote);
                        }

                        return;
                    }

                    if (status == UnmaskStatus.Incomplete)
                    {
                        break;
                    }

                    if (frames++ == 0)
                    {
                        // Time the Hopper takes (backpressure) is not the peer's stalling.
                        _stall.CancelAfter(Timeout.InfiniteTimeSpan);
                    }

                    buffer = buffer.Slice(consumed);
                    await _inbound.HandleAsync(output.WrittenMemory, Remote, cancellationToken).ConfigureAwait(false);
                }

                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty && _conduct.Report(Remote, strike: false))
                    {
                        LogTruncated(Remote, buffer.Length);
                    }

                    return;
                }

                // A frame under way must finish within the frame timeout from its start (the end of the last whole frame).
                if (frames > 0 || !armed)
                {
                    armed = !buffer.IsEmpty;
                    _stall.CancelAfter(armed ? _options.FrameTimeout : Timeout.InfiniteTimeSpan);
                }

                _account.Add(buffer.Length - charged);
                charged = buffer.Length;
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException) when (_stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogStalled(Remote, charged);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        byte[] batch = ArrayPool<byte>.Shared.Rent(WriteBatchLength + _masquerader.GetMaxMaskedLength(64 * 1024));
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int length = 0;
                while (length < WriteBatchLength && _outbound.Reader.TryRead(out var package))
                {
                    int needed = _masquerader.GetMaxMaskedLength(package.Length);
                    if (length + needed > batch.Length)
                    {
                        if (length > 0)
                        {
                            try
                            {
                                await network.WriteAsync(batch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                            }
                            catch
                            {
                                package.Release();
                                throw;
                            }

                            length = 0;
                        }

                        if (needed > batch.Length)
                        {
                            ArrayPool<byte>.Shared.Return(batch);
                            batch = ArrayPool<byte>.Shared.Rent(needed);
                        }
                    }

                    length += _masquerader.Mask(package.Span, batch.AsSpan(length));
                    _account.Add(-package.Length);
                    package.Release();
                }

                if (length > 0)
                {
                    await network.WriteAsync(batch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.ClandestineConnected, Level = LogLevel.Debug, Message = "Connected to neighbor {Remote}")]
    private partial void LogConnected(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineConnectFailed, Level = LogLevel.Warning, Message = "Could not connect to neighbor {Remote}: {Reason}; its queued packages are dropped")]
    private partial void LogConnectFailed(IPEndPoint remote, string reason);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineClosed, Level = LogLevel.Debug, Message = "Link with {Remote} closed")]
    private partial void LogClosed(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineMalformed, Level = LogLevel.Warning, Message = "Dropped the link with {Remote}: it sent bytes that are not masked packages")]
    private partial void LogMalformed(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineStalled, Level = LogLevel.Debug, Message = "Closed the link with {Remote}: no whole frame in time ({Bytes} bytes of a frame were waiting)")]
    private partial void LogStalled(IPEndPoint remote, long bytes);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineTruncated, Level = LogLevel.Warning, Message = "The link with {Remote} closed in the middle of a package ({Bytes} bytes dropped)")]
    private partial void LogTruncated(IPEndPoint remote, long bytes);
}
