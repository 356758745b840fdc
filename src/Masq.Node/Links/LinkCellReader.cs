using System.Buffers;
using System.Buffers.Binary;
using Masq.Node.Cells;

namespace Masq.Node.Links;

/// <summary>
/// Joins the direct cells of one link direction back into packages (<see cref="LinkCells"/>). Checks each cell's size
/// bit against its length, its kind, its counter (one more than the last cell's) and its fragment length; the caller
/// closes the link on anything but <see cref="LinkCellStatus.Partial"/> or <see cref="LinkCellStatus.Package"/>.
/// The package buffer is pooled and grows only as fragments arrive; not thread-safe (one reader per link).
/// </summary>
internal sealed class LinkCellReader : IDisposable
{
    private byte[] _buffer = [];
    private int _length;
    private ulong _expected;
    private bool _begun;

    /// <param name="firstCounter">The counter of the first direct cell (the link's control cells come before it).</param>
    public LinkCellReader(ulong firstCounter = 1)
    {
        _expected = firstCounter;
    }

    /// <summary>Bytes of a package under way (what the link charges to its buffer account).</summary>
    public int Pending => _length;

    /// <summary>Whether a package has begun and not ended.</summary>
    public bool InPackage => _length > 0 || _begun;

    /// <summary>
    /// Takes one cell. On <see cref="LinkCellStatus.Package"/>, <paramref name="package"/> is the whole package, valid
    /// until the next call.
    /// </summary>
    public LinkCellStatus Accept(ReadOnlySpan<byte> cell, out ReadOnlyMemory<byte> package)
    {
        package = default;
        if (!CellFormat.IsCellLength(cell.Length) || CellFormat.ReadLength(cell) != cell.Length || CellFormat.ReadKind(cell) != CellKind.Direct)
        {
            return LinkCellStatus.WrongCell;
        }

        if (CellFormat.ReadCounter(cell) != (_expected & CellFormat.CounterMask))
        {
            return LinkCellStatus.Malformed;
        }

        var payload = cell[CellFormat.HeaderLength..];
        byte flags = payload[0];
        int fragment = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
        if ((flags & ~LinkCells.MoreFlag) != 0 || fragment > LinkCells.Capacity(cell.Length))
        {
            return LinkCellStatus.Malformed;
        }

        if (_length + fragment > LinkCells.MaxPackageLength)
        {
            return LinkCellStatus.TooLong;
        }

        _expected++;
        bool more = (flags & LinkCells.MoreFlag) != 0;
        var data = payload.Slice(LinkCells.FragmentHeaderLength, fragment);
        if (!more && !_begun)
        {
            // A package in one cell: its bytes go to the start of the package buffer.
            EnsureCapacity(fragment);
            data.CopyTo(_buffer);
            package = _buffer.AsMemory(0, fragment);
            return LinkCellStatus.Package;
        }

        EnsureCapacity(_length + fragment);
        data.CopyTo(_buffer.AsSpan(_length));
        _length += fragment;
        if (more)
        {
            _begun = true;
            return LinkCellStatus.Partial;
        }

        package = _buffer.AsMemory(0, _length);
        _length = 0;
        _begun = false;
        return LinkCellStatus.Package;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(LinkCells.MaxPackageLength, Math.Max(_buffer.Length * 2, CellFormat.LargeLength))));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
