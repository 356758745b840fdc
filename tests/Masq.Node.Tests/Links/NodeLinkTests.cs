using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using Masq.Node.DataPath;
using Masq.Node.Links;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Masq.Node.Tests.Crypto;
using Microsoft.Extensions.Logging.Abstractions;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Tests.Links;

/// <summary>
/// The link framing (packages in direct cells of the two cell sizes) on its own, and two clandestine pools linked over
/// real TLS on loopback through a recording TCP relay: packages of every size arrive whole, the wire carries only TLS
/// records of the cell sizes, a peer that cannot prove the expected key is refused and logged once, a first-contact key
/// (a descriptor's half) is enough to link, and a handshake that stalls is dropped.
/// </summary>
public sealed class NodeLinkTests
{
    private const int ApplicationData = TlsRecords.ApplicationData;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(1005, 1, 0)]
    [InlineData(1006, 2, 0)]
    [InlineData(8182, 9, 0)]
    [InlineData(8183, 0, 1)]
    [InlineData(16365, 0, 1)]
    [InlineData(16366, 1, 1)]
    [InlineData(40_000, 8, 2)]
    public void A_package_is_cut_into_padded_cells_of_the_two_sizes_with_the_more_flag_on_all_but_the_last(int length, int small, int large)
    {
        byte[] package = new byte[length];
        new Random(length).NextBytes(package);
        ulong counter = 1;
        var cells = CellsOf(package, ref counter);

        Assert.Equal(small, cells.Count(c => c.Length == CellFormat.SmallLength));
        Assert.Equal(large, cells.Count(c => c.Length == CellFormat.LargeLength));
        Assert.Equal(LinkCells.CellCount(length), cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            Assert.Equal(CellKind.Direct, CellFormat.ReadKind(cell));
            Assert.Equal(cell.Length, CellFormat.ReadLength(cell));
            Assert.Equal((ulong)(i + 1), CellFormat.ReadCounter(cell));
            Assert.Equal(i < cells.Count - 1 ? LinkCells.MoreFlag : 0, cell[CellFormat.HeaderLength]);
            int fragment = BinaryPrimitives.ReadUInt16LittleEndian(cell.AsSpan(CellFormat.HeaderLength + 1));
            Assert.True(cell.AsSpan(CellFormat.HeaderLength + LinkCells.FragmentHeaderLength + fragment).IndexOfAnyExcept((byte)0) < 0, "padding is not zero");
        }

        using var reader = new LinkCellReader();
        for (int i = 0; i < cells.Count - 1; i++)
        {
            Assert.Equal(LinkCellStatus.Partial, reader.Accept(cells[i], out _));
        }

        Assert.Equal(LinkCellStatus.Package, reader.Accept(cells[^1], out var joined));
        Assert.Equal(package, joined.ToArray());
        Assert.False(reader.InPackage);
    }

    [Fact]
    public void Cells_of_another_size_kind_counter_or_fragment_length_are_refused()
    {
        ulong counter = 1;
        byte[] cell = CellsOf(new byte[100], ref counter)[0];

        using (var reader = new LinkCellReader())
        {
            Assert.Equal(LinkCellStatus.WrongCell, reader.Accept(cell.AsMemory(0, 1000), out _));
            var large = new byte[CellFormat.LargeLength];
            cell.CopyTo(large, 0);
            Assert.Equal(LinkCellStatus.WrongCell, reader.Accept(large, out _));
        }

        using (var reader = new LinkCellReader())
        {
            byte[] forward = (byte[])cell.Clone();
            CellFormat.WriteHeader(forward, 0, CellKind.Forward, 1);
            Assert.Equal(LinkCellStatus.WrongCell, reader.Accept(forward, out _));
        }

        using (var reader = new LinkCellReader())
        {
            byte[] later = (byte[])cell.Clone();
            CellFormat.WriteHeader(later, 0, CellKind.Direct, 2);
            Assert.Equal(LinkCellStatus.Malformed, reader.Accept(later, out _));
            Assert.Equal(LinkCellStatus.Package, reader.Accept(cell, out _));
            Assert.Equal(LinkCellStatus.Malformed, reader.Accept(cell, out _));
        }

        using (var reader = new LinkCellReader())
        {
            byte[] overlong = (byte[])cell.Clone();
            BinaryPrimitives.WriteUInt16LittleEndian(overlong.AsSpan(CellFormat.HeaderLength + 1), (ushort)(LinkCells.Capacity(CellFormat.SmallLength) + 1));
            Assert.Equal(LinkCellStatus.Malformed, reader.Accept(overlong, out _));
        }

        using (var reader = new LinkCellReader())
        {
            byte[] flagged = (byte[])cell.Clone();
            flagged[CellFormat.HeaderLength] = 0x80;
            Assert.Equal(LinkCellStatus.Malformed, reader.Accept(flagged, out _));
        }
    }

    [Fact]
    public async Task Packages_of_every_size_cross_a_TLS_link_whole_in_records_of_the_cell_sizes_only()
    {
        await using var pair = await PoolPair.StartAsync(recorded: true);
        var sizes = new[] { 0, 1, 600, 1005, 1006, 5000, 8183, 16365, 40_000, 300_000 };
        var sent = new List<byte[]>();
        foreach (int size in sizes)
        {
            byte[] package = new byte[size];
            new Random(size).NextBytes(package);
            sent.Add(package);
            Assert.True(await pair.A.SendToAsync(pair.BEndPoint, pair.BKey, package, CancellationToken.None).AsTask().WaitAsync(Deadline));
        }

        // The empty package crosses as one small cell (a hello) and is dropped there, not handed on.
        foreach (var package in sent.Where(p => p.Length > 0))
        {
            var (bytes, source) = await pair.BInbound.Packages.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
            Assert.Equal(package, bytes);
            Assert.NotEqual(pair.BEndPoint, source);
        }

        var recording = pair.Recording!;
        var cellRecords = TlsRecords.CellRecordLengths;
        foreach (var (bytes, direction) in new[] { (recording.Upstream(), "dialler to acceptor"), (recording.Downstream(), "acceptor to dialler") })
        {
            var records = Records(bytes);
            Assert.True(records[0].Type == 22, $"{direction} does not open with a TLS handshake record");
            Assert.All(records.Skip(1), r => Assert.Equal(0x0303, r.Version));
            Assert.DoesNotContain(records, r => r.Type is not (20 or 21 or 22 or 23));
            Assert.True(bytes.AsSpan().IndexOf("bodyData"u8) < 0, $"the JSON mask {direction}");
            int firstCell = records.FindIndex(r => r.Type == ApplicationData && cellRecords.Contains(r.Length));
            Assert.True(firstCell >= 0, $"no cell record {direction}");
            // Before the first cell: the handshake, encrypted after its hellos, and OpenSSL's session tickets (docs/protocol.md §1).
            Assert.True(firstCell <= 12, $"{firstCell} records before the first cell {direction}");
            Assert.All(records.Skip(firstCell), r => Assert.True(r.Type == ApplicationData && cellRecords.Contains(r.Length), $"record {r.Type}/{r.Length} {direction}"));
        }

        int expectedCells = 1 + sizes.Sum(LinkCells.CellCount);
        Assert.Equal(expectedCells, Records(recording.Upstream()).Count(r => r.Type == ApplicationData && cellRecords.Contains(r.Length)));
    }

    [Fact]
    public async Task A_first_contact_key_links_to_the_Node_whose_key_starts_with_it()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false);
        var firstContact = new byte[64];
        pair.BKey.Span[..32].CopyTo(firstContact);
        Assert.True(LinkHandshake.IsFirstContact(new PublicKey(firstContact)));

        Assert.True(await pair.A.SendToAsync(pair.BEndPoint, new PublicKey(firstContact), [1, 2, 3], CancellationToken.None).AsTask().WaitAsync(Deadline));
        var (bytes, _) = await pair.BInbound.Packages.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        Assert.Equal([1, 2, 3], bytes);

        // The same link then serves the full key.
        Assert.True(await pair.A.SendToAsync(pair.BEndPoint, pair.BKey, [4], CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Equal([4], (await pair.BInbound.Packages.Reader.ReadAsync().AsTask().WaitAsync(Deadline)).Bytes);
        Assert.Equal(1, pair.A.LinkCount);
    }

    [Fact]
    public async Task At_first_contact_a_Node_that_signs_for_someone_elses_encryption_key_fails_the_challenge()
    {
        // Mallory's certificate names a key made of Bob's X25519 half and her own Ed25519 half, signed by her: the
        // signature verifies, and the key starts with Bob's descriptor half. Only the challenge tells her apart.
        var bob = CryptDeReal.Generate(TestChains.BaseSepolia);
        var mallory = new Impostor(CryptDeReal.Generate(TestChains.BaseSepolia), bob.PublicKey);
        await using var pair = await PoolPair.StartAsync(recorded: false, bIdentity: mallory);
        var firstContact = new byte[64];
        bob.PublicKey.Span[..32].CopyTo(firstContact);
        var failed = Channel.CreateUnbounded<IPEndPoint>();
        pair.A.LinkFailed += remote => failed.Writer.TryWrite(remote);

        await pair.A.SendToAsync(pair.BEndPoint, new PublicKey(firstContact), [1], CancellationToken.None).AsTask().WaitAsync(Deadline);

        Assert.Equal(pair.BEndPoint, await failed.Reader.ReadAsync().AsTask().WaitAsync(Deadline));
        Assert.False(pair.BInbound.Packages.Reader.TryRead(out _));
        Assert.Contains(pair.BHandshakeLog.Entries, e => e.Id.Id == LinkEventIds.LinkRefused && e.Message.Contains("Unproven", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_peer_that_cannot_prove_the_expected_key_is_refused_and_logged_once_per_interval()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false);
        var stranger = CryptDeReal.Generate(TestChains.BaseSepolia).PublicKey;
        var failed = Channel.CreateUnbounded<IPEndPoint>();
        pair.A.LinkFailed += remote => failed.Writer.TryWrite(remote);

        for (int i = 0; i < 3; i++)
        {
            await pair.A.SendToAsync(pair.BEndPoint, stranger, [9], CancellationToken.None).AsTask().WaitAsync(Deadline);
            Assert.Equal(pair.BEndPoint, await failed.Reader.ReadAsync().AsTask().WaitAsync(Deadline));
        }

        Assert.Equal(1, pair.AHandshakeLog.Count(LinkEventIds.LinkRefused));
        Assert.Contains(pair.AHandshakeLog.Entries, e => e.Message.Contains("WrongNode", StringComparison.Ordinal));
        Assert.False(pair.BInbound.Packages.Reader.TryRead(out _));

        // The right key still links.
        Assert.True(await pair.A.SendToAsync(pair.BEndPoint, pair.BKey, [7], CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Equal([7], (await pair.BInbound.Packages.Reader.ReadAsync().AsTask().WaitAsync(Deadline)).Bytes);
    }

    [Fact]
    public async Task A_handshake_that_stalls_is_dropped_and_logged()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false, handshakeTimeout: TimeSpan.FromSeconds(1));
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(pair.BEndPoint);
        byte[] sink = new byte[256];
        using var guard = new CancellationTokenSource(Deadline);
        int read = await silent.ReceiveAsync(sink, SocketFlags.None, guard.Token);

        Assert.Equal(0, read);
        Assert.Contains(pair.BHandshakeLog.Entries, e => e.Id.Id == LinkEventIds.LinkRefused && e.Message.Contains("TimedOut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_whose_peer_sends_a_cell_of_another_kind_is_closed()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false);
        await using var link = await HandshakenIntruderAsync(pair);
        byte[] cell = new byte[CellFormat.SmallLength];
        CellFormat.WriteHeader(cell, 7, CellKind.Forward, 1);
        await link.Stream.WriteAsync(cell);
        await link.Stream.FlushAsync();

        Assert.Equal(0, await ReadUntilClosedAsync(link));
        Assert.False(pair.BInbound.Packages.Reader.TryRead(out _));
    }

    [Fact]
    public async Task An_accepted_link_that_brings_no_cell_after_its_handshake_is_closed()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false, firstFrameTimeout: TimeSpan.FromMilliseconds(300));
        await using var link = await HandshakenIntruderAsync(pair);

        Assert.Equal(0, await ReadUntilClosedAsync(link));
    }

    [Fact]
    public async Task A_link_opened_only_to_see_that_a_Node_is_there_says_hello_and_is_kept_past_the_first_cell_timeout()
    {
        // The Neighborhood's probe of a suspect neighbor, and the check of a claimed address, open a link with nothing to
        // send: its empty package (a hello) is its first cell, which the peer drops, and the link stays.
        await using var pair = await PoolPair.StartAsync(recorded: false, firstFrameTimeout: TimeSpan.FromMilliseconds(300));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.A.LinkClosed += _ => closed.TrySetResult();
        pair.A.LinkFailed += _ => closed.TrySetResult();

        Assert.True(await pair.A.ProveAsync(pair.BKey, pair.BEndPoint, Deadline));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.False(closed.Task.IsCompleted);
        Assert.False(pair.BInbound.Packages.Reader.TryRead(out _));
        Assert.True(await pair.A.SendToAsync(pair.BEndPoint, pair.BKey, [9], CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Equal([9], (await pair.BInbound.Packages.Reader.ReadAsync().AsTask().WaitAsync(Deadline)).Bytes);
        Assert.Equal(1, pair.A.LinkCount);
    }

    [Fact]
    public async Task Proving_a_key_at_an_address_where_another_Node_listens_fails()
    {
        await using var pair = await PoolPair.StartAsync(recorded: false);
        var other = CryptDeReal.Generate(TestChains.BaseSepolia).PublicKey;

        Assert.False(await pair.A.ProveAsync(other, pair.BEndPoint, Deadline));
    }

    private static async Task<TlsLink> HandshakenIntruderAsync(PoolPair pair)
    {
        var intruder = CryptDeReal.Generate(TestChains.BaseSepolia);
        var handshake = new LinkHandshake(intruder, new LinkOptions(), TimeProvider.System, new PeerConduct(new DataPathOptions(), TimeProvider.System, NullLogger<PeerConduct>.Instance), NullLogger<LinkHandshake>.Instance);
        var client = new TcpClient();
        await client.ConnectAsync(pair.BEndPoint);
        return await handshake.ConnectAsync(client.GetStream(), pair.BEndPoint, pair.BKey, CancellationToken.None).WaitAsync(Deadline);
    }

    /// <summary>What a read gets once the other side closes the link: 0 (or a reset, counted as 0); the deadline only bounds a broken test.</summary>
    private static async Task<int> ReadUntilClosedAsync(TlsLink link)
    {
        byte[] sink = new byte[256];
        using var guard = new CancellationTokenSource(Deadline);
        int read;
        try
        {
            read = await link.Stream.ReadAsync(sink, guard.Token);
        }
        catch (IOException)
        {
            read = 0;
        }

        return read;
    }

    private static List<byte[]> CellsOf(byte[] package, ref ulong counter)
    {
        var cells = new List<byte[]>();
        var buffer = new byte[CellFormat.LargeLength];
        int sent = 0;
        do
        {
            int length = LinkCells.WriteNext(package.AsSpan(sent), buffer, counter++, out int taken);
            sent += taken;
            cells.Add(buffer[..length]);
        }
        while (sent < package.Length);
        return cells;
    }

    private static List<(int Type, int Version, int Length)> Records(byte[] bytes) => TlsRecords.Parse(bytes, out _);

    private sealed class CollectingInbound : IClandestineInbound
    {
        public Channel<(byte[] Bytes, IPEndPoint Source)> Packages { get; } = Channel.CreateUnbounded<(byte[], IPEndPoint)>();

        public ValueTask HandleAsync(ReadOnlyMemory<byte> sealedPackage, IPEndPoint source, CancellationToken cancellationToken)
        {
            Packages.Writer.TryWrite((sealedPackage.ToArray(), source));
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A Node identity whose public key is another Node's X25519 half and its own Ed25519 half.</summary>
    private sealed class Impostor(CryptDeReal own, PublicKey victim) : ICryptDE
    {
        public PublicKey PublicKey { get; } = new([.. victim.Span[..32], .. own.PublicKey.Span[32..]]);

        public ReadOnlyMemory<byte> ChainContract => own.ChainContract;

        public bool IsValidPublicKey(PublicKey key) => own.IsValidPublicKey(key);

        public int GetSealedLength(PublicKey recipient, int plaintextLength) => own.GetSealedLength(recipient, plaintextLength);

        public void Seal(PublicKey recipient, ReadOnlySpan<byte> plaintext, Span<byte> destination) => own.Seal(recipient, plaintext, destination);

        public int GetOpenedLength(int ciphertextLength) => own.GetOpenedLength(ciphertextLength);

        public bool TryOpen(ReadOnlySpan<byte> ciphertext, Span<byte> destination) => own.TryOpen(ciphertext, destination);

        public byte[] Sign(ReadOnlySpan<byte> data) => own.Sign(data);

        public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, PublicKey signer) => own.Verify(data, signature, signer);

        public byte[] Hash(ReadOnlySpan<byte> data) => own.Hash(data);

        public byte[] Digest() => own.Digest();

        public void FillRandom(Span<byte> destination) => own.FillRandom(destination);

        public string ToDescriptorFragment(PublicKey key) => own.ToDescriptorFragment(key);

        public bool TryParseDescriptorFragment(string fragment, [NotNullWhen(true)] out PublicKey? firstContactKey) => own.TryParseDescriptorFragment(fragment, out firstContactKey);

        public byte[] ExportKeyPair() => own.ExportKeyPair();

        public ICryptDE CreateAlias() => own.CreateAlias();
    }

    private sealed class NoLocator : INodeLocator
    {
        public bool TryLocate(PublicKey key, [NotNullWhen(true)] out IPEndPoint? endpoint)
        {
            endpoint = null;
            return false;
        }
    }

    /// <summary>Two pools on loopback, B listening (through a recording relay when asked).</summary>
    private sealed class PoolPair : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _accepting;
        private readonly BufferBudget _budgetA;
        private readonly BufferBudget _budgetB;

        private PoolPair(TimeSpan handshakeTimeout, ICryptDE? bIdentity, TimeSpan? firstFrameTimeout)
        {
            var options = new DataPathOptions { FirstFrameTimeout = firstFrameTimeout ?? new DataPathOptions().FirstFrameTimeout };
            var linkOptions = new LinkOptions { HandshakeTimeout = handshakeTimeout };
            var a = CryptDeReal.Generate(TestChains.BaseSepolia);
            var b = bIdentity ?? CryptDeReal.Generate(TestChains.BaseSepolia);
            BKey = b.PublicKey;
            var conductA = new PeerConduct(options, TimeProvider.System, NullLogger<PeerConduct>.Instance);
            var conductB = new PeerConduct(options, TimeProvider.System, NullLogger<PeerConduct>.Instance);
            _budgetA = new BufferBudget(options, TimeProvider.System, NullLogger<BufferBudget>.Instance);
            _budgetB = new BufferBudget(options, TimeProvider.System, NullLogger<BufferBudget>.Instance);
            A = new ClandestinePool(new NoLocator(), new LinkHandshake(a, linkOptions, TimeProvider.System, conductA, AHandshakeLog), options, TimeProvider.System, _budgetA, conductA, NullLogger<ClandestinePool>.Instance);
            B = new ClandestinePool(new NoLocator(), new LinkHandshake(b, linkOptions, TimeProvider.System, conductB, BHandshakeLog), options, TimeProvider.System, _budgetB, conductB, NullLogger<ClandestinePool>.Instance);
            A.AttachInbound(new CollectingInbound());
            B.AttachInbound(BInbound);
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptLoopAsync();
        }

        public ClandestinePool A { get; }

        public ClandestinePool B { get; }

        public PublicKey BKey { get; }

        public CollectingInbound BInbound { get; } = new();

        public RecordingLogger<LinkHandshake> AHandshakeLog { get; } = new();

        public RecordingLogger<LinkHandshake> BHandshakeLog { get; } = new();

        public Recording? Recording { get; private set; }

        /// <summary>Where A dials B (the relay when recorded).</summary>
        public IPEndPoint BEndPoint { get; private set; } = null!;

        public static async Task<PoolPair> StartAsync(bool recorded, TimeSpan? handshakeTimeout = null, ICryptDE? bIdentity = null, TimeSpan? firstFrameTimeout = null)
        {
            var pair = new PoolPair(handshakeTimeout ?? TimeSpan.FromSeconds(30), bIdentity, firstFrameTimeout);
            var listening = (IPEndPoint)pair._listener.LocalEndpoint;
            if (recorded)
            {
                pair.Recording = await Recording.StartAsync(listening);
                pair.BEndPoint = pair.Recording.EndPoint;
            }
            else
            {
                pair.BEndPoint = listening;
            }

            return pair;
        }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            _listener.Stop();
            _listener.Dispose();
            try
            {
                await _accepting;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }

            Recording?.Dispose();
            _budgetA.Dispose();
            _budgetB.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            for (int i = 0; i < 1000; i++)
            {
                var socket = await _listener.AcceptSocketAsync();
                B.Accept(socket);
            }
        }
    }
}
