using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using Masq.Node.DataPath;
using Masq.Node.Links;
using Masq.Node.Networking;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.IntegrationTests.Links;

/// <summary>
/// One end of a Node link for tests that speak the wire protocol to real Nodes (the mock gossip peer, hostile peers):
/// the Node's own <see cref="LinkHandshake"/> for a test identity, then packages cut into direct cells
/// (<see cref="LinkCells"/>) or raw bytes inside TLS. Not thread-safe: one writer and one reader at a time.
/// </summary>
internal sealed class LinkClient : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly Socket _socket;
    private readonly TlsLink _tls;
    private readonly LinkCellReader _reader = new();
    private readonly byte[] _cell = new byte[CellFormat.LargeLength];
    private ulong _counter = 1;

    private LinkClient(Socket socket, TlsLink tls)
    {
        _socket = socket;
        _tls = tls;
    }

    public SslStream Stream => _tls.Stream;

    /// <summary>The TCP socket under the link (for tests that watch it close).</summary>
    public Socket Socket => _socket;

    /// <summary>The Node the other end proved to be.</summary>
    public PublicKey Peer => _tls.Peer;

    public IPEndPoint Remote => (IPEndPoint)_socket.RemoteEndPoint!;

    public IPEndPoint Local => (IPEndPoint)_socket.LocalEndPoint!;

    public static LinkHandshake HandshakeFor(ICryptDE identity, LinkOptions? options = null) => new(
        identity,
        options ?? new LinkOptions(),
        TimeProvider.System,
        new PeerConduct(new DataPathOptions(), TimeProvider.System, NullLogger<PeerConduct>.Instance),
        NullLogger<LinkHandshake>.Instance);

    /// <summary>Dials <paramref name="target"/> (from <paramref name="source"/> if given) and proves <paramref name="handshake"/>'s identity.</summary>
    public static async Task<LinkClient> ConnectAsync(LinkHandshake handshake, IPEndPoint target, PublicKey targetKey, IPAddress? source = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null)
            {
                socket.Bind(new IPEndPoint(source, 0));
            }

            using var timeout = new CancellationTokenSource(Guard);
            await socket.ConnectAsync(target, timeout.Token);
#pragma warning disable CA2000 // The handshake owns the stream: the TLS link disposes it, or the handshake does when it fails.
            var tls = await handshake.ConnectAsync(new NetworkStream(socket, ownsSocket: true), target, targetKey, timeout.Token);
#pragma warning restore CA2000
            return new LinkClient(socket, tls);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Takes a connection a Node opened and proves <paramref name="handshake"/>'s identity to it.</summary>
    public static async Task<LinkClient> AcceptAsync(LinkHandshake handshake, Socket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Guard);
#pragma warning disable CA2000 // The handshake owns the stream: the TLS link disposes it, or the handshake does when it fails.
            var tls = await handshake.AcceptAsync(new NetworkStream(socket, ownsSocket: true), (IPEndPoint)socket.RemoteEndPoint!, timeout.Token);
#pragma warning restore CA2000
            return new LinkClient(socket, tls);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The direct cells of <paramref name="package"/>, numbered from <paramref name="counter"/> on.</summary>
    public static List<byte[]> Cells(ReadOnlySpan<byte> package, ref ulong counter)
    {
        var cells = new List<byte[]>();
        var buffer = new byte[CellFormat.LargeLength];
        int sent = 0;
        do
        {
            int length = LinkCells.WriteNext(package[sent..], buffer, counter++, out int taken);
            sent += taken;
            cells.Add(buffer[..length]);
        }
        while (sent < package.Length);
        return cells;
    }

    /// <summary>Sends a package in direct cells, one TLS record per cell.</summary>
    public async Task SendPackageAsync(ReadOnlyMemory<byte> package)
    {
        foreach (var cell in Cells(package.Span, ref _counter))
        {
            await _tls.Stream.WriteAsync(cell);
        }

        await _tls.Stream.FlushAsync();
    }

    /// <summary>Writes <paramref name="bytes"/> as they are inside TLS (raw cells, parts of cells, garbage).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _tls.Stream.WriteAsync(bytes);
        await _tls.Stream.FlushAsync();
    }

    /// <summary>The next package, or null when the link ends or carries something else than direct cells.</summary>
    public async Task<byte[]?> ReceivePackageAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _tls.Stream.ReadExactlyAsync(_cell.AsMemory(0, CellFormat.HeaderLength), cancellationToken);
                int length = CellFormat.ReadLength(_cell);
                await _tls.Stream.ReadExactlyAsync(_cell.AsMemory(CellFormat.HeaderLength, length - CellFormat.HeaderLength), cancellationToken);
                switch (_reader.Accept(_cell.AsMemory(0, length), out var package))
                {
                    case LinkCellStatus.Package:
                        return package.ToArray();
                    case LinkCellStatus.Partial:
                        continue;
                    default:
                        return null;
                }
            }
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Ends the sending direction and waits (bounded) for the Node to close its side.</summary>
    public async Task FinishAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            byte[] sink = new byte[1024];
            for (int i = 0; i < 1000 && await _tls.Stream.ReadAsync(sink, timeout.Token) > 0; i++)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _tls.DisposeAsync();
        _socket.Dispose();
    }
}
