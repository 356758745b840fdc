using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Masq.Node.Cells;
using Masq.Node.DataPath;
using Masq.Node.Networking;
using Microsoft.Extensions.Logging;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Links;

/// <summary>
/// One link with a neighbor Node, either direction (docs/protocol.md §1, §6.1): mutual TLS 1.3 authenticated to Node
/// identities (<see cref="LinkHandshake"/>), then a bounded queue of sealed packages that one writer cuts into direct
/// cells of the two cell sizes, one TLS record per cell (<see cref="LinkCells"/>), and one reader that joins cells
/// back into packages and hands each to the Hopper in order. Packages queue while a dialled link is still connecting
/// and proving its peer. Backpressure: a full queue makes senders wait, and a slow Hopper makes the reader wait,
/// which TCP carries back to the sending Node.
/// Bytes it buffers (a package under way, queued packages) are charged to the Node's <see cref="BufferBudget"/>, which
/// may close it; the TLS handshake and the link's challenge must finish within <see cref="LinkOptions.HandshakeTimeout"/>,
/// and every package, once its first cell has begun, must be complete within <see cref="DataPathOptions.FrameTimeout"/>.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The link owns its lifetime: it disposes its token sources when it closes or fails to connect, and nothing else holds them.")]
internal sealed partial class NodeLink
{
    private readonly Channel<OutboundPackage> _outbound;
    private readonly IClandestineInbound _inbound;
    private readonly LinkHandshake _handshake;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _stall;
    private readonly BufferAccount _account;
    private readonly PeerConduct _conduct;
    private readonly DataPathOptions _options;
    private readonly LinkBufferPool _buffers;

    /// <summary>The read loop's buffer: two large cells, so a whole one always fits after the start of the next.</summary>
    private const int ReadBufferLength = 2 * CellFormat.LargeLength;

    private NodeLink(IPEndPoint remote, PublicKey? expected, IClandestineInbound inbound, LinkHandshake handshake, DataPathOptions options, TimeProvider time, BufferBudget budget, PeerConduct conduct, ILogger logger)
    {
        Remote = remote;
        Expected = expected;
        IsAccepted = expected is null;
        _inbound = inbound;
        _handshake = handshake;
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
            // An idle writer frames and sends on the queuing task (no thread hop per package: latency, context switches).
            AllowSynchronousContinuations = true,
        });
    }

    public IPEndPoint Remote { get; }

    /// <summary>The Node a dialled link must prove to be (possibly a first-contact key); null for an accepted link.</summary>
    public PublicKey? Expected { get; }

    /// <summary>The Node the peer proved to be, once the handshake is done.</summary>
    public PublicKey? Peer { get; private set; }

    private readonly TaskCompletionSource<PublicKey?> _proved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends with <see cref="Peer"/> once the handshake is done, or with null when the link never came up.</summary>
    public Task<PublicKey?> Proved => _proved.Task;

    /// <summary>Whether another Node opened this link.</summary>
    public bool IsAccepted { get; }

    /// <summary>Ends when the link is closed for good.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsClosed => _outbound.Reader.Completion.IsCompleted || _closing.IsCancellationRequested;

    /// <summary>A link this Node opens to the Node <paramref name="expected"/> at <paramref name="remote"/>; packages may be queued at once.</summary>
    public static NodeLink Connect(
        IPEndPoint remote,
        PublicKey expected,
        IClandestineInbound inbound,
        LinkHandshake handshake,
        DataPathOptions options,
        TimeProvider time,
        BufferBudget budget,
        PeerConduct conduct,
        Action<NodeLink, bool> closed,
        ILogger logger,
        CancellationToken stopping)
    {
        var link = new NodeLink(remote, expected, inbound, handshake, options, time, budget, conduct, logger);
        link.Completion = link.ConnectAndRunAsync(options.LocalAddress, options.ConnectTimeout, time, closed, stopping);
        return link;
    }

    /// <summary>A link another Node opened to this one.</summary>
    public static NodeLink Accept(
        Socket socket,
        IClandestineInbound inbound,
        LinkHandshake handshake,
        DataPathOptions options,
        TimeProvider time,
        BufferBudget budget,
        PeerConduct conduct,
        Action<NodeLink, bool> closed,
        ILogger logger,
        CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);
        var link = new NodeLink(remote, expected: null, inbound, handshake, options, time, budget, conduct, logger);
        link.Completion = link.RunAsync(socket, closed, stopping);
        return link;
    }

    /// <summary>
    /// Whether a package for the Node <paramref name="key"/> may go on this link: the link proved (or, still
    /// connecting, is to prove) that Node.
    /// </summary>
    public bool Serves(PublicKey key) =>
        Peer is { } peer ? LinkHandshake.Matches(peer, key) : Expected is { } expected && (LinkHandshake.Matches(key, expected) || LinkHandshake.Matches(expected, key));

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

    private async Task ConnectAndRunAsync(IPAddress? localAddress, TimeSpan timeout, TimeProvider time, Action<NodeLink, bool> closed, CancellationToken stopping)
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
            if (!stopping.IsCancellationRequested)
            {
                LogConnectFailed(Remote, e is OperationCanceledException ? "timed out" : e.Message);
            }

            Fail(closed);
            return;
        }

        LogConnected(Remote);
        await RunAsync(socket, closed, stopping).ConfigureAwait(false);
    }

    private void Fail(Action<NodeLink, bool> closed)
    {
        _proved.TrySetResult(null);
        _outbound.Writer.TryComplete();
        DrainQueue();
        _account.Dispose();
        closed(this, false);
        _closing.Dispose();
        _stall.Dispose();
    }

    private void DrainQueue()
    {
        while (_outbound.Reader.TryRead(out var package))
        {
            package.Release();
        }
    }

    private async Task RunAsync(Socket socket, Action<NodeLink, bool> closed, CancellationToken stopping)
    {
        await Task.Yield();
        socket.NoDelay = true;
        LinkLiveness.Watch(socket, _handshake.Options);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closing.Token);
        TlsLink tls;
        LinkTransport transport;
        try
        {
#pragma warning disable CA2000 // The handshake owns the stream: the TLS link disposes it, or the handshake does when it fails; the link is disposed below.
            transport = new LinkTransport(new NetworkStream(socket, ownsSocket: true));
            tls = Expected is { } expected
                ? await _handshake.ConnectAsync(transport, Remote, expected, linked.Token).ConfigureAwait(false)
                : await _handshake.AcceptAsync(transport, Remote, linked.Token).ConfigureAwait(false);
#pragma warning restore CA2000
        }
        catch (Exception e) when (e is LinkRefusedException or OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Refusals are logged (once per peer per interval) by the handshake.
            socket.Dispose();
            Fail(closed);
            return;
        }

        Peer = tls.Peer;
        _proved.TrySetResult(Peer);
        // From now on the records of a batch of cells leave in one send (each cell still one record).
        transport.Cork();
        await using (tls.ConfigureAwait(false))
        {
            var reading = ReadLoopAsync(tls.Stream, linked.Token);
            var writing = WriteLoopAsync(tls.Stream, linked.Token);
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

        DrainQueue();
        LogClosed(Remote);
        _account.Dispose();
        closed(this, true);
        _closing.Dispose();
        _stall.Dispose();
    }

    private async Task ReadLoopAsync(Stream link, CancellationToken cancellationToken)
    {
        using var cells = new LinkCellReader(_buffers);
        // Reads take whatever the TLS stream has decrypted (up to a few cells), and every whole cell in the buffer is
        // taken before the next read: one read call per record or more, not three per cell.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferLength);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stall.Token);
        long charged = 0;
        int start = 0;
        int end = 0;

        // An accepted link must bring its first cell within the first-frame timeout: whoever dials a Node does so to
        // send something (a link opened only to see that a Node is there sends an empty package, a hello), and a peer that
        // only holds a handshaken link open is holding a socket.
        bool awaitingFirst = Expected is null;
        bool timing = awaitingFirst;
        if (awaitingFirst)
        {
            _stall.CancelAfter(_options.FirstFrameTimeout);
        }

        try
        {
            while (true)
            {
                while (TryCell(buffer.AsSpan(start, end - start)) is var length and > 0)
                {
                    var status = cells.Accept(buffer.AsMemory(start, length), out var package);
                    start += length;
                    if (status is not (LinkCellStatus.Partial or LinkCellStatus.Package))
                    {
                        if (_conduct.Report(Remote))
                        {
                            LogMalformed(Remote, status);
                        }

                        return;
                    }

                    _account.Add(cells.Pending - charged);
                    charged = cells.Pending;
                    if (status == LinkCellStatus.Package)
                    {
                        // Time the Hopper takes (backpressure) is not the peer's stalling.
                        _stall.CancelAfter(Timeout.InfiniteTimeSpan);
                        timing = false;
                        awaitingFirst = false;
                        if (!package.IsEmpty)
                        {
                            await _inbound.HandleAsync(package, Remote, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                // What is left is the beginning of a cell: move it to the front, so a whole large cell fits after it.
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                // An idle link waits without a deadline; once a cell begins, its package must be whole within the frame
                // timeout (counted from its first byte, across the package's cells).
                if (awaitingFirst && (end > 0 || cells.InPackage))
                {
                    awaitingFirst = false;
                    timing = false;
                }

                if (!timing && (end > 0 || cells.InPackage))
                {
                    _stall.CancelAfter(_options.FrameTimeout);
                    timing = true;
                }

                if (end == 0)
                {
                    // Nothing of a cell is waiting: a quiet link holds no read buffer while it waits (a zero-byte read
                    // waits for data), so a flood of links that stop between cells costs their TLS state, not 32 KiB each.
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = [];
                    await link.ReadAsync(Memory<byte>.Empty, reading.Token).ConfigureAwait(false);
                    buffer = ArrayPool<byte>.Shared.Rent(ReadBufferLength);
                }

                int read = await link.ReadAsync(buffer.AsMemory(end), reading.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    if ((cells.InPackage || end > 0) && _conduct.Report(Remote, strike: false))
                    {
                        LogTruncated(Remote, cells.Pending + end);
                    }

                    return;
                }

                end += read;
            }
        }
        catch (OperationCanceledException) when (_stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogStalled(Remote, cells.Pending + end - start);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The length of the whole cell at the start of <paramref name="data"/>; 0 while it is incomplete.</summary>
    private static int TryCell(ReadOnlySpan<byte> data)
    {
        if (data.Length < CellFormat.HeaderLength)
        {
            return 0;
        }

        int length = CellFormat.ReadLength(data);
        return data.Length >= length ? length : 0;
    }

    private async Task WriteLoopAsync(Stream link, CancellationToken cancellationToken)
    {
        byte[] cell = ArrayPool<byte>.Shared.Rent(CellFormat.LargeLength);
        // Counter 0 was the link's control cell.
        ulong counter = 1;
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_outbound.Reader.TryRead(out var package))
                {
                    try
                    {
                        // One write per cell: SslStream makes each one TLS record of the cell's length.
                        int sent = 0;
                        do
                        {
                            int length = LinkCells.WriteNext(package.Span[sent..], cell, counter++, out int taken);
                            sent += taken;
                            await link.WriteAsync(cell.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                        }
                        while (sent < package.Length);
                    }
                    finally
                    {
                        _account.Add(-package.Length);
                        package.Release();
                    }
                }

                await link.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cell);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.ClandestineConnected, Level = LogLevel.Debug, Message = "Connected to neighbor {Remote}")]
    private partial void LogConnected(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineConnectFailed, Level = LogLevel.Warning, Message = "Could not connect to neighbor {Remote}: {Reason}; its queued packages are dropped")]
    private partial void LogConnectFailed(IPEndPoint remote, string reason);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineClosed, Level = LogLevel.Debug, Message = "Link with {Remote} closed")]
    private partial void LogClosed(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineMalformed, Level = LogLevel.Warning, Message = "Dropped the link with {Remote}: it sent a cell that is not part of a package ({Status})")]
    private partial void LogMalformed(IPEndPoint remote, LinkCellStatus status);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineStalled, Level = LogLevel.Debug, Message = "Closed the link with {Remote}: no whole package in time ({Bytes} bytes of a package were waiting)")]
    private partial void LogStalled(IPEndPoint remote, long bytes);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineTruncated, Level = LogLevel.Warning, Message = "The link with {Remote} closed in the middle of a package ({Bytes} bytes dropped)")]
    private partial void LogTruncated(IPEndPoint remote, long bytes);
}
