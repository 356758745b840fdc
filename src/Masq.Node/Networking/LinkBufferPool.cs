using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;

namespace Masq.Node.Networking;

/// <summary>
/// The buffers in which links join the cells of a package: arrays in size classes (256 KiB doubling up to 16 MiB) kept for
/// reuse, so that a package growing from one class to the next, and a flood of connections that each buffer a partial
/// package and are closed, reuse the same arrays instead of leaving large-object garbage behind faster than the
/// collector frees it. The pool counts the bytes of the arrays it has handed out (<see cref="Outstanding"/>, which the
/// <see cref="BufferBudget"/> holds to the Node-wide limit: a buffer grows by doubling, so it runs ahead of the bytes
/// charged for the package in it) and keeps returned arrays only while what it hands out and keeps stays within the
/// limit and a quarter. <see cref="Trim"/> lets the kept arrays go once a flood is over or no link needed one for a
/// while.
/// </summary>
internal sealed class LinkBufferPool : MemoryPool<byte>
{
    public const int SegmentLength = 256 * 1024;

    /// <summary>The largest class (a whole package, <c>LinkCells.MaxPackageLength</c>); larger requests are not pooled.</summary>
    public const int MaxPooledLength = 16 * 1024 * 1024;

    private static readonly int ClassCount = BitOperations.Log2(MaxPooledLength / SegmentLength) + 1;

    private readonly ConcurrentStack<byte[]>[] _free;
    private readonly long _limit;
    private readonly long _spare;
    private readonly Action? _grew;
    private long _outstanding;
    private long _retained;
    private int _rents;

    /// <param name="limit">The Node-wide buffer limit: the pool keeps returned arrays while it holds less than this and a quarter.</param>
    /// <param name="grew">Called after each array handed out (the budget checks its limit).</param>
    public LinkBufferPool(long limit, Action? grew = null)
    {
        _limit = Math.Max(limit, SegmentLength);
        // Room to keep returned arrays while the links use up to the limit: a flood that closes connections and opens
        // others then reuses arrays instead of leaving garbage (which the collector frees late and the heap keeps as
        // fragmentation). Measured (HardeningTests): no spare, peak RSS +120 MiB over a 64 MiB budget; a quarter, +106.
        _spare = _limit / 4;
        _grew = grew;
        _free = new ConcurrentStack<byte[]>[ClassCount];
        for (int i = 0; i < _free.Length; i++)
        {
            _free[i] = new ConcurrentStack<byte[]>();
        }
    }

    public override int MaxBufferSize => int.MaxValue;

    /// <summary>Bytes of the arrays handed out and not yet returned.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Bytes of the arrays kept for reuse now.</summary>
    public long RetainedBytes => Interlocked.Read(ref _retained);

    /// <summary>Arrays kept for reuse now.</summary>
    public int Retained => _free.Sum(stack => stack.Count);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        Interlocked.Increment(ref _rents);
        int wanted = Math.Max(minBufferSize, SegmentLength);
        if (wanted > MaxPooledLength)
        {
            Interlocked.Add(ref _outstanding, wanted);
            _grew?.Invoke();
            return new Segment(this, new byte[wanted], pooled: false);
        }

        int size = (int)BitOperations.RoundUpToPowerOf2((uint)wanted);
        int index = ClassOf(size);
        Interlocked.Add(ref _outstanding, size);
        _grew?.Invoke();
        if (_free[index].TryPop(out var array))
        {
            Interlocked.Add(ref _retained, -size);
            return new Segment(this, array, pooled: true);
        }

        // Arrays of other classes kept beyond the limit give way to this one (the collector frees them).
        for (int i = 0; i < ClassCount && Outstanding + RetainedBytes > _limit + _spare; i++)
        {
            while (Outstanding + RetainedBytes > _limit + _spare && _free[i].TryPop(out _))
            {
                Interlocked.Add(ref _retained, -(SegmentLength << i));
            }
        }

        return new Segment(this, GC.AllocateUninitializedArray<byte>(size), pooled: true);
    }

    /// <summary>Whether nothing was rented since the last call.</summary>
    public bool TakeIdle() => Interlocked.Exchange(ref _rents, 0) == 0;

    /// <summary>Drops every kept array (the collector frees them); returns their bytes.</summary>
    public long Trim()
    {
        long dropped = 0;
        for (int i = 0; i < _free.Length; i++)
        {
            while (_free[i].TryPop(out _))
            {
                Interlocked.Add(ref _retained, -(SegmentLength << i));
                dropped += SegmentLength << i;
            }
        }

        return dropped;
    }

    protected override void Dispose(bool disposing) => Trim();


    private static int ClassOf(int size) => BitOperations.Log2((uint)(size / SegmentLength));

    private void Return(byte[] array, bool pooled)
    {
        long outstanding = Interlocked.Add(ref _outstanding, -array.Length);
        if (pooled && outstanding + RetainedBytes + array.Length <= _limit + _spare)
        {
            Interlocked.Add(ref _retained, array.Length);
            _free[ClassOf(array.Length)].Push(array);
        }
    }

    private sealed class Segment(LinkBufferPool pool, byte[] array, bool pooled) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Segment));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned)
            {
                pool.Return(returned, pooled);
            }
        }
    }
}
