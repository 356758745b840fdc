using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Masq.Node.Cells;

/// <summary>
/// The layout of a cell (docs/protocol.md §2). Every cell is <see cref="SmallLength"/> or <see cref="LargeLength"/>
/// bytes: a 16-byte header (label, then link counter, kind and size bit), then the payload, onion-encrypted per hop. A setup
/// cell's payload starts with <see cref="SetupSlots"/> sealed hop entries; a body ends in a 16-byte end-to-end tag.
/// </summary>
internal static class CellFormat
{
    /// <summary>Control cells, requests, ClientHellos, credit updates.</summary>
    public const int SmallLength = 1024;

    /// <summary>Bulk data and route setup: one TLS record's maximum plaintext, so one cell is one record.</summary>
    public const int LargeLength = 16384;

    public const int HeaderLength = 16;

    /// <summary>Hop entries in every setup cell, used or not, so the cell does not tell how long its route is.</summary>
    public const int SetupSlots = 6;

    /// <summary>What a hop entry holds before sealing (<see cref="RouteSetupEntry"/>).</summary>
    public const int EntryPlaintextLength = RouteSetupEntry.Length;

    /// <summary>A hop entry sealed to its Node (crypto_box_seal adds an ephemeral key and a tag: 48 bytes).</summary>
    public const int EntryLength = EntryPlaintextLength + 48;

    public const int SetupRegionLength = SetupSlots * EntryLength;

    public const int TagLength = CellSodium.TagLength;

    /// <summary>Link counters wrap at 2^56: the top byte of the header's second word is the kind.</summary>
    public const ulong CounterMask = (1UL << 56) - 1;

    /// <summary>The top bit of the kind byte: set in large cells.</summary>
    private const byte LargeFlag = 0x80;

    /// <summary>Body bytes of a data cell of <paramref name="cellLength"/>.</summary>
    public static int BodyLength(int cellLength) => cellLength - HeaderLength - TagLength;

    /// <summary>Body bytes of the setup cell (always large).</summary>
    public static int SetupBodyLength => LargeLength - HeaderLength - SetupRegionLength - TagLength;

    public static bool IsCellLength(int length) => length is SmallLength or LargeLength;

    /// <summary>
    /// The cell size for <paramref name="pending"/> bytes of one stream: a large cell once the bytes would fill more
    /// than half of one (padding costs at most 2× in that band), small cells below (at most one small cell of padding).
    /// </summary>
    public static int ChooseLength(int pending) => pending > BodyLength(LargeLength) / 2 ? LargeLength : SmallLength;

    public static ulong ReadLabel(ReadOnlySpan<byte> cell) => BinaryPrimitives.ReadUInt64LittleEndian(cell);

    public static CellKind ReadKind(ReadOnlySpan<byte> cell) => (CellKind)(cell[15] & ~LargeFlag);

    /// <summary>
    /// The length the header declares (its size bit), so a link reader knows how many bytes the cell has after reading
    /// its 16-byte header; a cell whose declared length is not its length is dropped.
    /// </summary>
    public static int ReadLength(ReadOnlySpan<byte> header) => (header[15] & LargeFlag) != 0 ? LargeLength : SmallLength;

    public static ulong ReadCounter(ReadOnlySpan<byte> cell) => BinaryPrimitives.ReadUInt64LittleEndian(cell[8..]) & CounterMask;

    public static void WriteHeader(Span<byte> cell, ulong label, CellKind kind, ulong counter)
    {
        ulong kindByte = (ulong)kind | (cell.Length == LargeLength ? LargeFlag : 0UL);
        BinaryPrimitives.WriteUInt64LittleEndian(cell, label);
        BinaryPrimitives.WriteUInt64LittleEndian(cell[8..], (counter & CounterMask) | (kindByte << 56));
    }

    /// <summary>A control cell (unknown route, destroy): small, header only, random payload so it looks like any other.</summary>
    public static void WriteControl(Span<byte> cell, ulong label, CellKind kind)
    {
        WriteHeader(cell, label, kind, 0);
        RandomNumberGenerator.Fill(cell[HeaderLength..]);
    }

    /// <summary>The 12-byte nonce of cell <paramref name="sequence"/>: one key never sees a sequence twice.</summary>
    public static void WriteNonce(Span<byte> nonce, ulong sequence)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], 0);
    }

    /// <summary>
    /// The filler a relay appends to the setup region after shifting it: the first <see cref="EntryLength"/> bytes of
    /// its forward keystream under a nonce no cell uses. The originator can compute it, so the exit's tag covers the
    /// whole setup region as it arrives there, and a bit flipped in it anywhere on the way is detected.
    /// </summary>
    public static void WriteFiller(Span<byte> filler, ReadOnlySpan<byte> forwardKey)
    {
        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], 1);
        filler.Clear();
        CellSodium.StreamXor(filler, nonce, forwardKey);
    }
}
