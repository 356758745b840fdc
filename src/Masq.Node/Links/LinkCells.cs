using System.Buffers.Binary;
using Masq.Node.Cells;

namespace Masq.Node.Links;

/// <summary>
/// How packages travel on a link (docs/protocol.md §1, §6.1): in direct cells of the two cell sizes, so that every TLS
/// record a link carries has a cell's length whatever the package's. A direct cell is the 16-byte cell header (label 0,
/// this direction's cell counter, kind <see cref="CellKind.Direct"/> and the size bit), then
/// <c>flags (1) ‖ fragment length (2, little endian) ‖ fragment ‖ zero padding</c>. Flag bit 0 ("more") says the package
/// continues in the next direct cell. A package fills large cells while more than half a large cell of it is left
/// (<see cref="CellFormat.ChooseLength"/>), and small cells after that.
/// </summary>
internal static class LinkCells
{
    public const int FragmentHeaderLength = 3;

    /// <summary>The "more" flag: the package continues in the next direct cell.</summary>
    public const byte MoreFlag = 0x01;

    /// <summary>No package is longer (a CORES package is at most a few hundred KiB; gossip far less).</summary>
    public const int MaxPackageLength = 16 * 1024 * 1024;

    /// <summary>Package bytes in a direct cell of <paramref name="cellLength"/>.</summary>
    public static int Capacity(int cellLength) => cellLength - CellFormat.HeaderLength - FragmentHeaderLength;

    /// <summary>The cell length for the next fragment of a package with <paramref name="remaining"/> bytes left.</summary>
    public static int NextCellLength(int remaining) =>
        remaining > Capacity(CellFormat.SmallLength) && remaining > Capacity(CellFormat.LargeLength) / 2
            ? CellFormat.LargeLength
            : CellFormat.SmallLength;

    /// <summary>
    /// Writes the next direct cell of a package whose unsent bytes are <paramref name="remaining"/> into
    /// <paramref name="buffer"/> (at least <see cref="CellFormat.LargeLength"/> bytes); returns the cell's length and
    /// how many package bytes it took.
    /// </summary>
    public static int WriteNext(ReadOnlySpan<byte> remaining, Span<byte> buffer, ulong counter, out int taken)
    {
        int length = NextCellLength(remaining.Length);
        var cell = buffer[..length];
        taken = Math.Min(remaining.Length, Capacity(length));
        CellFormat.WriteHeader(cell, label: 0, CellKind.Direct, counter);
        var payload = cell[CellFormat.HeaderLength..];
        payload[0] = taken < remaining.Length ? MoreFlag : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[1..], checked((ushort)taken));
        remaining[..taken].CopyTo(payload[FragmentHeaderLength..]);
        payload[(FragmentHeaderLength + taken)..].Clear();
        return length;
    }

    /// <summary>How many cells a package of <paramref name="length"/> bytes takes.</summary>
    public static int CellCount(int length)
    {
        int cells = 0;
        do
        {
            length -= Math.Min(length, Capacity(NextCellLength(length)));
            cells++;
        }
        while (length > 0);
        return cells;
    }

    /// <summary>A control cell of the link handshake (small): the header, then <c>length (2) ‖ data ‖ zero padding</c>.</summary>
    public static void WriteControl(Span<byte> cell, CellKind kind, ReadOnlySpan<byte> data)
    {
        CellFormat.WriteHeader(cell, label: 0, kind, counter: 0);
        var payload = cell[CellFormat.HeaderLength..];
        payload.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(payload, checked((ushort)data.Length));
        data.CopyTo(payload[2..]);
    }

    /// <summary>The data of a control cell of <paramref name="kind"/>; false when it is another kind or malformed.</summary>
    public static bool TryReadControl(ReadOnlySpan<byte> cell, CellKind kind, out ReadOnlySpan<byte> data)
    {
        data = default;
        if (cell.Length != CellFormat.SmallLength || CellFormat.ReadLength(cell) != cell.Length || CellFormat.ReadKind(cell) != kind)
        {
            return false;
        }

        var payload = cell[CellFormat.HeaderLength..];
        int length = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        if (length > payload.Length - 2)
        {
            return false;
        }

        data = payload.Slice(2, length);
        return true;
    }
}
