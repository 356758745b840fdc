using System.Security.Cryptography;
using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>
/// The originator's side of one route (docs/protocol.md §2). Made once per route: a random label and counter offset
/// per link, a key seed per hop, and each hop's entry sealed to its Node key (one public-key operation per hop).
/// Then per cell: the body is sealed end to end for the exit (ChaCha20-Poly1305) and wrapped in one ChaCha20 layer
/// per relay; cells coming back lose those layers and are checked against the exit's tag. The first cell sealed is
/// the setup cell (large, carrying the entries); it must reach the first link before any other cell of the route.
/// Thread-safe.
/// </summary>
internal sealed class OriginRoute
{
    private readonly Lock _lock = new();
    private readonly LayerKeys[] _keys;
    private readonly ulong[] _labels;
    private readonly ulong[] _offsets;
    private readonly byte[][] _entries;
    private ulong _nextForward;
    private ReplayWindow _backwardWindow;

    private OriginRoute(PublicKey firstHop, LayerKeys[] keys, ulong[] labels, ulong[] offsets, byte[][] entries)
    {
        FirstHop = firstHop;
        _keys = keys;
        _labels = labels;
        _offsets = offsets;
        _entries = entries;
    }

    /// <summary>The Node the route's cells are sent to.</summary>
    public PublicKey FirstHop { get; }

    /// <summary>The route's label on the first link: cells coming back carry it.</summary>
    public ulong FirstLabel => _labels[0];

    public int HopCount => _keys.Length;

    /// <summary>
    /// Builds a route through <paramref name="hops"/> (1 to <see cref="CellFormat.SetupSlots"/> Nodes, the last being
    /// the exit), sealing each entry with <paramref name="sealer"/> to its Node's key.
    /// </summary>
    /// <exception cref="CryptDeException">A hop's key cannot be sealed to, or seals to another length than real keys.</exception>
    public static OriginRoute Create(ICryptDE sealer, IReadOnlyList<RouteHop> hops, DateTimeOffset expires)
    {
        if (hops.Count is < 1 or > CellFormat.SetupSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(hops), $"A route has 1 to {CellFormat.SetupSlots} hops.");
        }

        int count = hops.Count;
        var keys = new LayerKeys[count];
        var labels = new ulong[count];
        var offsets = new ulong[count];
        var entries = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            labels[i] = RandomUInt64();
            offsets[i] = RandomUInt64() & CellFormat.CounterMask;
        }

        Span<byte> plain = stackalloc byte[RouteSetupEntry.Length];
        for (int i = 0; i < count; i++)
        {
            var seed = RandomNumberGenerator.GetBytes(RouteSetupEntry.SeedLength);
            keys[i] = LayerKeys.Derive(seed);
            bool exit = i == count - 1;
            var entry = new RouteSetupEntry(
                exit,
                labels[i],
                exit ? 0 : labels[i + 1],
                offsets[i],
                exit ? 0 : offsets[i + 1],
                expires.ToUnixTimeSeconds(),
                seed,
                exit ? PublicKey.Empty : hops[i + 1].Node,
                hops[i].Ticket);
            entry.Write(plain);
            if (sealer.GetSealedLength(hops[i].Node, RouteSetupEntry.Length) != CellFormat.EntryLength)
            {
                throw new CryptDeException($"Hop {i + 1}'s key does not seal to a {CellFormat.EntryLength}-byte entry.");
            }

            entries[i] = new byte[CellFormat.EntryLength];
            sealer.Seal(hops[i].Node, plain, entries[i]);
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(seed);
        }

        return new OriginRoute(hops[0].Node, keys, labels, offsets, entries);
    }

    /// <summary>Where the body goes in a cell of <paramref name="cellLength"/> about to be sealed by <see cref="SealForward"/>.</summary>
    public Range BodyRange(int cellLength)
    {
        lock (_lock)
        {
            return _nextForward == 0
                ? new Range(CellFormat.HeaderLength + CellFormat.SetupRegionLength, CellFormat.LargeLength - CellFormat.TagLength)
                : new Range(CellFormat.HeaderLength, cellLength - CellFormat.TagLength);
        }
    }

    /// <summary>
    /// Seals the cell whose body the caller wrote at <see cref="BodyRange"/>: the setup cell first (it must be
    /// large), then data cells of either size.
    /// </summary>
    public void SealForward(Span<byte> cell)
    {
        if (!CellFormat.IsCellLength(cell.Length))
        {
            throw new ArgumentException("A cell is one of the cell sizes.", nameof(cell));
        }

        ulong sequence;
        lock (_lock)
        {
            if (_nextForward == 0 && cell.Length != CellFormat.LargeLength)
            {
                throw new ArgumentException("The setup cell is a large cell.", nameof(cell));
            }

            sequence = _nextForward++;
        }

        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, sequence);
        var payload = cell[CellFormat.HeaderLength..];
        int exit = _keys.Length - 1;
        if (sequence == 0)
        {
            SealSetup(payload, nonce);
            CellFormat.WriteHeader(cell, _labels[0], CellKind.Setup, _offsets[0]);
            return;
        }

        CellSodium.Seal(payload[..^CellFormat.TagLength], payload[^CellFormat.TagLength..], default, nonce, _keys[exit].Forward);
        for (int i = exit - 1; i >= 0; i--)
        {
            CellSodium.StreamXor(payload, nonce, _keys[i].Forward);
        }

        CellFormat.WriteHeader(cell, _labels[0], CellKind.Forward, sequence + _offsets[0]);
    }

    /// <summary>
    /// Opens a cell that came back on this route: removes the relays' layers and checks the exit's tag. False (and
    /// why) for a replay, a cell of another route or a tampered one; the body is then not to be used.
    /// </summary>
    public bool TryOpenBackward(Span<byte> cell, out Range body, out CellDrop drop)
    {
        body = default;
        if (!CellFormat.IsCellLength(cell.Length))
        {
            drop = CellDrop.BadSize;
            return false;
        }

        if (CellFormat.ReadKind(cell) != CellKind.Backward || CellFormat.ReadLabel(cell) != _labels[0])
        {
            drop = CellDrop.BadKind;
            return false;
        }

        ulong sequence = (CellFormat.ReadCounter(cell) - _offsets[0]) & CellFormat.CounterMask;
        lock (_lock)
        {
            if (!_backwardWindow.TryAccept(sequence))
            {
                drop = CellDrop.Replayed;
                return false;
            }
        }

        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, sequence);
        var payload = cell[CellFormat.HeaderLength..];
        int exit = _keys.Length - 1;
        for (int i = 0; i < exit; i++)
        {
            CellSodium.StreamXor(payload, nonce, _keys[i].Backward);
        }

        if (!CellSodium.Open(payload[..^CellFormat.TagLength], payload[^CellFormat.TagLength..], default, nonce, _keys[exit].Backward))
        {
            drop = CellDrop.BadTag;
            return false;
        }

        body = new Range(CellFormat.HeaderLength, cell.Length - CellFormat.TagLength);
        drop = default;
        return true;
    }

    /// <summary>A small cell that closes the route at every hop.</summary>
    public void WriteDestroy(Span<byte> cell) => CellFormat.WriteControl(cell, _labels[0], CellKind.Destroy);

    private void SealSetup(Span<byte> payload, ReadOnlySpan<byte> nonce)
    {
        const int entry = CellFormat.EntryLength;
        const int region = CellFormat.SetupRegionLength;
        int exit = _keys.Length - 1;

        // The slots after the exit's entry start as random bytes; both passes below start from the same ones.
        Span<byte> unused = stackalloc byte[region - entry];
        RandomNumberGenerator.Fill(unused);

        // First pass, the region alone: build it as the first hop gets it, then play the relays forward to learn
        // the region the exit gets, fillers included. The exit's tag covers it, so nobody on the way can mark it.
        Span<byte> arriving = stackalloc byte[region];
        BuildRegion(arriving, unused, nonce);
        for (int i = 0; i < exit; i++)
        {
            CellSodium.StreamXor(arriving[entry..], nonce, _keys[i].Forward);
            arriving[entry..].CopyTo(arriving);
            CellFormat.WriteFiller(arriving[(region - entry)..], _keys[i].Forward);
        }

        var body = payload[region..];
        CellSodium.Seal(body[..^CellFormat.TagLength], body[^CellFormat.TagLength..], arriving, nonce, _keys[exit].Forward);

        // Second pass, the whole payload: the same region, with the relays' layers over the sealed body too.
        _entries[exit].CopyTo(payload);
        unused.CopyTo(payload[entry..region]);
        for (int i = exit - 1; i >= 0; i--)
        {
            payload[..(region - entry)].CopyTo(payload[entry..]);
            CellSodium.StreamXor(payload[entry..], nonce, _keys[i].Forward);
            _entries[i].CopyTo(payload);
        }
    }

    /// <summary>
    /// The setup region as the first hop gets it, built from the exit back: each relay will remove its layer from
    /// everything after its entry and shift the rest forward, so its entry goes in front of what the next hop must
    /// see, wrapped in its layer.
    /// </summary>
    private void BuildRegion(Span<byte> region, ReadOnlySpan<byte> unused, ReadOnlySpan<byte> nonce)
    {
        const int entry = CellFormat.EntryLength;
        int exit = _keys.Length - 1;
        _entries[exit].CopyTo(region);
        unused.CopyTo(region[entry..]);
        for (int i = exit - 1; i >= 0; i--)
        {
            region[..^entry].CopyTo(region[entry..]);
            CellSodium.StreamXor(region[entry..], nonce, _keys[i].Forward);
            _entries[i].CopyTo(region);
        }
    }

    private static ulong RandomUInt64()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
