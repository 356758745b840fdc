namespace Masq.Dashboard.State;

/// <summary>
/// A fixed-capacity buffer that keeps the newest items and drops the oldest. Not thread-safe: the
/// <see cref="NodeStateStore"/> guards every instance with its own lock.
/// </summary>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    /// <summary>How many items were ever added; <c>TotalAdded - Count</c> were dropped.</summary>
    public long TotalAdded { get; private set; }

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
        }
        else
        {
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
        }
        TotalAdded++;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _start = 0;
        Count = 0;
    }

    /// <summary>The newest item, or <c>default</c> when empty.</summary>
    public T? Last => Count == 0 ? default : _items[(_start + Count - 1) % _items.Length];

    /// <summary>A copy, oldest first.</summary>
    public T[] ToArray()
    {
        var copy = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = _items[(_start + i) % _items.Length];
        }
        return copy;
    }
}
