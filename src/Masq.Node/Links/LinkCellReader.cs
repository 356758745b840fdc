using System.Buffers;
using System.Buffers.Binary;
using Masq.Node.Cells;

namespace Masq.Node.Links;

/// <summary>
/// Joins the direct cells of one link direction back into packages (<see cref="LinkCells"/>). Checks each cell's size
/// bit against its length, its kind, its counter (one more than the last cell's) and its fragment length; the caller
/// closes the link on anything but <see cref="LinkCellStatus.Partial"/> or <see cref="LinkCellStatus.Package"/>.
/// A package in one cell is handed out as a slice of that cell (no copy); a longer one is joined in a buffer from the
/// link buffer pool (the Node's bounded, trimmable <see cref="Networking.LinkBufferPool"/>), held only while a package is
/// under way, so an idle link holds none. Not thread-safe (one reader per link).
/// </summary>
internal sealed class LinkCellReader : IDisposable
{
    private readonly MemoryPool<byte> _pool;
    private IMemoryOwner<byte>? _owner;
    private int _length;
    private ulong _expected;
    private bool _begun;

    /// <param name="pool">Where package buffers come from (the Node's link buffer pool).</param>
    /// <param name="firstCounter">The counter of the first direct cell (the link's control cells come before it).</param>
    public LinkCellReader(MemoryPool<byte>? pool = null, ulong firstCounter = 1)
    {
        _pool = pool ?? MemoryPool<byte>.Shared;
        _expected = firstCounter;
    }

    /// <summary>Bytes of a package under way (what the link charges to its buffer account).</summary>
    public int Pending => _length;

    /// <summary>Whether a package has begun and not ended.</summary>
    public bool InPackage => _begun;

    /// <summary>
    /// Takes one cell. On <see cref="LinkCellStatus.Package"/>, <paramref name="package"/> is the whole package, valid
    /// until the next call (and, for a package in one cell, as long as <paramref name="cell"/> is).
    /// </summary>
    public LinkCellStatus Accept(ReadOnlyMemory<byte> cell, out ReadOnlyMemory<byte> package)
    {
        package = default;
        if (!_begun)
        {
            // The last joined package has been handled: its buffer goes back.
            Release();
        }

        var span = cell.Span;
        if (!CellFormat.IsCellLength(span.Length) || CellFormat.ReadLength(span) != span.Length || CellFormat.ReadKind(span) != CellKind.Direct)
        {
            return LinkCellStatus.WrongCell;
        }

        if (CellFormat.ReadCounter(span) != (_expected & CellFormat.CounterMask))
        {
            return LinkCellStatus.Malformed;
        }

        var payload = span[CellFormat.HeaderLength..];
        byte flags = payload[0];
        int fragment = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
        if ((flags & ~LinkCells.MoreFlag) != 0 || fragment > LinkCells.Capacity(span.Length))
        {
            return LinkCellStatus.Malformed;
        }

        if (_length + fragment > LinkCells.MaxPackageLength)
        {
            return LinkCellStatus.TooLong;
        }

        _expected++;
        bool more = (flags & LinkCells.MoreFlag) != 0;
        var data = cell.Slice(CellFormat.HeaderLength + LinkCells.FragmentHeaderLength, fragment);
        if (!more && !_begun)
        {
            package = data;
            return LinkCellStatus.Package;
        }

        EnsureCapacity(_length + fragment);
        data.Span.CopyTo(_owner!.Memory.Span[_length..]);
        _length += fragment;
        if (more)
        {
            _begun = true;
            return LinkCellStatus.Partial;
        }

        package = _owner!.Memory[.._length];
        _length = 0;
        _begun = false;
        return LinkCellStatus.Package;
    }

    public void Dispose() => Release();

    private void Release()
    {
        _owner?.Dispose();
        _owner = null;
    }

    private void EnsureCapacity(int needed)
    {
        int capacity = _owner?.Memory.Length ?? 0;
        if (needed <= capacity)
        {
            return;
        }

        var larger = _pool.Rent(Math.Max(needed, Math.Min(LinkCells.MaxPackageLength, capacity * 2)));
        if (_owner is not null)
        {
            _owner.Memory.Span[.._length].CopyTo(larger.Memory.Span);
            _owner.Dispose();
        }

        _owner = larger;
    }
}
