namespace Masq.Node.Cells;

/// <summary>What the cell layer did, counted (thread-safe): for the dashboard, the log's summaries and the tests.</summary>
internal sealed class CellCounters
{
    private readonly long[] _dropped = new long[Enum.GetValues<CellDrop>().Length];
    private long _relayed;
    private long _delivered;
    private long _evicted;

    public long Relayed => Volatile.Read(ref _relayed);

    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Routes pushed out of a full table (least recently used first).</summary>
    public long Evicted => Volatile.Read(ref _evicted);

    public long Dropped(CellDrop reason) => Volatile.Read(ref _dropped[(int)reason]);

    public void CountDrop(CellDrop reason) => Interlocked.Increment(ref _dropped[(int)reason]);

    public void CountRelayed() => Interlocked.Increment(ref _relayed);

    public void CountDelivered() => Interlocked.Increment(ref _delivered);

    public void CountEvicted() => Interlocked.Increment(ref _evicted);
}
