using System.Buffers;
using System.Runtime.InteropServices;

namespace Masq.Node.DataPath;

/// <summary>
/// Memory over an array rented from <see cref="ArrayPool{T}.Shared"/>, for a response chunk on its way to the browser:
/// the originator opens each routed response into one, and the browser connection's writer gives the array back once
/// the chunk is written (<see cref="TryRelease"/>). A chunk dropped on the way (a straggler, a closed connection) is
/// simply left to the garbage collector. Only the writer may release it, and only after the write completed: no other
/// reference to the chunk's bytes may outlive that point.
/// </summary>
internal sealed class PooledChunk : MemoryManager<byte>
{
    private byte[]? _array;
    private readonly int _length;

    public PooledChunk(byte[] rented, int length)
    {
        _array = rented;
        _length = length;
    }

    /// <summary>Gives the array back if <paramref name="memory"/> is (a slice of) a pooled chunk; once per chunk.</summary>
    public static void TryRelease(ReadOnlyMemory<byte> memory)
    {
        if (MemoryMarshal.TryGetMemoryManager<byte, PooledChunk>(memory, out var chunk) && Interlocked.Exchange(ref chunk._array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    public override Span<byte> GetSpan() =>
        (_array ?? throw new ObjectDisposedException(nameof(PooledChunk))).AsSpan(0, _length);

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        var array = _array ?? throw new ObjectDisposedException(nameof(PooledChunk));
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle, this);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
