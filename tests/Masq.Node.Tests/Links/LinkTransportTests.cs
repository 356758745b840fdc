using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using Masq.Node.DataPath;
using Masq.Node.Links;
using Masq.Node.Networking;
using Masq.Node.Tests.Crypto;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Node.Tests.Links;

/// <summary>
/// The stream under a link's TLS: reads take many records per receive, and once corked the records of a batch leave in
/// one send while each cell stays exactly one TLS record of a cell's length.
/// </summary>
public sealed class LinkTransportTests
{
    private const int ApplicationData = 23;
    private const int TlsOverhead = 17;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Before_it_is_corked_every_write_goes_straight_through()
    {
        var inner = new RecordingStream();
        await using var transport = new LinkTransport(inner);

        await transport.WriteAsync(new byte[] { 1, 2, 3 });
        transport.Write([4, 5]);

        Assert.Equal([[1, 2, 3], [4, 5]], inner.Writes);
        Assert.Equal(2, transport.Sends);
    }

    [Fact]
    public async Task Corked_writes_wait_for_the_flush_and_leave_in_one_send_in_order()
    {
        var inner = new RecordingStream();
        await using var transport = new LinkTransport(inner);
        transport.Cork();

        for (byte i = 0; i < 10; i++)
        {
            await transport.WriteAsync(Enumerable.Repeat(i, 1000).ToArray());
        }

        Assert.Empty(inner.Writes);
        await transport.FlushAsync();

        var sent = Assert.Single(inner.Writes);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(i => Enumerable.Repeat((byte)i, 1000)), sent);
        Assert.Equal(1, inner.Flushes);
        await transport.FlushAsync();
        Assert.Single(inner.Writes);
    }

    [Fact]
    public async Task A_write_that_would_overflow_the_buffer_sends_what_is_buffered_first()
    {
        var inner = new RecordingStream();
        await using var transport = new LinkTransport(inner);
        transport.Cork();
        int record = CellFormat.LargeLength + 22;
        int fit = LinkTransport.WriteBufferLength / record;

        for (int i = 0; i <= fit; i++)
        {
            await transport.WriteAsync(new byte[record]);
        }

        Assert.Equal(fit * record, Assert.Single(inner.Writes).Length);
        await transport.FlushAsync();
        Assert.Equal([fit * record, record], inner.Writes.Select(w => w.Length));

        byte[] huge = new byte[LinkTransport.WriteBufferLength + 1];
        await transport.WriteAsync(new byte[] { 9 });
        await transport.WriteAsync(huge);
        Assert.Equal([fit * record, record, 1, huge.Length], inner.Writes.Select(w => w.Length));
    }

    [Fact]
    public async Task One_receive_serves_many_small_reads_and_a_zero_byte_read_waits_without_a_buffer()
    {
        byte[] data = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var inner = new RecordingStream(data);
        await using var transport = new LinkTransport(inner);

        Assert.Equal(0, await transport.ReadAsync(Memory<byte>.Empty));
        var got = new List<byte>();
        byte[] piece = new byte[7];
        int read;
        while ((read = await transport.ReadAsync(piece)) > 0)
        {
            got.AddRange(piece[..read]);
        }

        Assert.Equal(data, got);
        // One receive for the data, one for the end, and the zero-byte read passed through.
        Assert.Equal(2, transport.Receives);
        Assert.Equal([0, LinkTransport.ReadBufferLength, LinkTransport.ReadBufferLength], inner.ReadSizes);
    }

    [Fact]
    public async Task Over_real_TLS_a_corked_batch_of_cells_is_one_send_of_whole_records_of_the_cell_sizes()
    {
        var alice = CryptDeReal.Generate(TestChains.BaseSepolia);
        var bob = CryptDeReal.Generate(TestChains.BaseSepolia);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var clientSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepted = listener.AcceptAsync();
        await clientSocket.ConnectAsync(listener.LocalEndPoint!);
        using var serverSocket = await accepted.WaitAsync(Deadline);

        var wire = new RecordingStream(new NetworkStream(clientSocket, ownsSocket: false));
        var transport = new LinkTransport(wire);
        var accepting = Handshake(bob).AcceptAsync(new NetworkStream(serverSocket, ownsSocket: false), (IPEndPoint)clientSocket.LocalEndPoint!, CancellationToken.None);
        await using var client = await Handshake(alice).ConnectAsync(transport, (IPEndPoint)listener.LocalEndPoint!, bob.PublicKey, CancellationToken.None).WaitAsync(Deadline);
        await using var server = await accepting.WaitAsync(Deadline);

        transport.Cork();
        int writesBefore = wire.Writes.Count;
        int bytesBefore = wire.Writes.Sum(w => w.Length);
        var lengths = new[] { CellFormat.SmallLength, CellFormat.LargeLength, CellFormat.SmallLength, CellFormat.SmallLength, CellFormat.LargeLength, CellFormat.SmallLength };
        for (int i = 0; i < lengths.Length; i++)
        {
            var cell = new byte[lengths[i]];
            cell.AsSpan().Fill((byte)(i + 1));
            await client.Stream.WriteAsync(cell);
        }

        Assert.Equal(writesBefore, wire.Writes.Count);
        await client.Stream.FlushAsync();

        Assert.Equal(writesBefore + 1, wire.Writes.Count);
        byte[] batch = wire.Writes[^1];
        var records = new List<(int Type, int Length)>();
        for (int at = 0; at + 5 <= batch.Length; at += 5 + BinaryPrimitives.ReadUInt16BigEndian(batch.AsSpan(at + 3)))
        {
            records.Add((batch[at], BinaryPrimitives.ReadUInt16BigEndian(batch.AsSpan(at + 3))));
        }

        Assert.Equal(lengths.Select(l => (ApplicationData, l + TlsOverhead)), records);
        Assert.Equal(bytesBefore + batch.Length, wire.Writes.Sum(w => w.Length));

        for (int i = 0; i < lengths.Length; i++)
        {
            var cell = new byte[lengths[i]];
            await server.Stream.ReadExactlyAsync(cell).AsTask().WaitAsync(Deadline);
            Assert.All(cell, b => Assert.Equal((byte)(i + 1), b));
        }
    }

    private static LinkHandshake Handshake(ICryptDE identity) =>
        new(identity, new LinkOptions(), TimeProvider.System, new PeerConduct(new DataPathOptions(), TimeProvider.System, NullLogger<PeerConduct>.Instance), NullLogger<LinkHandshake>.Instance);

    /// <summary>A stream that records each write and each read's size; reads come from a given array or an inner stream.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly Stream? _inner;
        private readonly byte[] _data;
        private int _at;

        public RecordingStream(byte[]? data = null) => _data = data ?? [];

        public RecordingStream(Stream inner)
        {
            _inner = inner;
            _data = [];
        }

        public List<byte[]> Writes { get; } = [];

        public List<int> ReadSizes { get; } = [];

        public int Flushes { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (ReadSizes)
            {
                ReadSizes.Add(buffer.Length);
            }

            if (_inner is not null)
            {
                return await _inner.ReadAsync(buffer, cancellationToken);
            }

            int count = Math.Min(buffer.Length, _data.Length - _at);
            _data.AsSpan(_at, count).CopyTo(buffer.Span);
            _at += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (Writes)
            {
                Writes.Add(buffer.ToArray());
            }

            if (_inner is not null)
            {
                await _inner.WriteAsync(buffer, cancellationToken);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush() => Flushes++;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
