using System.Buffers;
using System.Collections.Concurrent;

namespace Masq.Node.Networking;

/// <summary>
/// The read buffers of clandestine links: fixed-size segments kept for reuse up to a bound (the buffer budget's worth),
/// so that a flood of connections that each buffer a partial frame and are closed reuses the same memory instead of
/// leaving large-object garbage behind faster than the collector frees it. <see cref="Trim"/> lets the kept segments go
/// once the flood is over. A buffer longer than a segment (a package of more than 256 KiB being joined) comes from
/// <see cref="ArrayPool{T}.Shared"/> and goes back there, so that a stream of large packages does not leave one
/// large-object array behind per package.
/// </summary>
internal sealed class LinkBufferPool : MemoryPool<byte>
{
    public const int SegmentLength = 256 * 1024;

    private readonly ConcurrentStack<byte[]> _free = new();
    private readonly int _capacity;
    private int _count;

    public LinkBufferPool(long maxRetainedBytes)
    {
        _capacity = (int)Math.Clamp(maxRetainedBytes / SegmentLength, 1, int.MaxValue);
    }

    public override int MaxBufferSize => int.MaxValue;

    /// <summary>Segments kept for reuse now.</summary>
    public int Retained => Volatile.Read(ref _count);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > SegmentLength)
        {
            return new Segment(this, ArrayPool<byte>.Shared.Rent(minBufferSize), pooled: false);
        }

        if (_free.TryPop(out var array))
        {
            Interlocked.Decrement(ref _count);
            return new Segment(this, array, pooled: true);
        }

        return new Segment(this, GC.AllocateUninitializedArray<byte>(SegmentLength), pooled: true);
    }

    /// <summary>Drops every kept segment (the collector frees them).</summary>
    public void Trim()
    {
        while (_free.TryPop(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    protected override void Dispose(bool disposing) => Trim();

    private void Return(byte[] array)
    {
        if (Interlocked.Increment(ref _count) <= _capacity)
        {
            _free.Push(array);
        }
        else
        {
            Interlocked.Decrement(ref _count);
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
                if (pooled)
                {
                    pool.Return(returned);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(returned);
                }
            }
        }
    }
}
