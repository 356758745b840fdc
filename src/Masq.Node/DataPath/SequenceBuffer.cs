namespace Masq.Node.DataPath;

/// <summary>
/// Puts the packets of one stream back in sequence-number order (the reference's SequenceBuffer behind its sorted
/// writers). A duplicate or already-passed number is dropped; a number too far ahead means the stream has lost
/// packets, and the caller should end it rather than wait forever. Not thread-safe: one owner per stream direction.
/// </summary>
internal sealed class SequenceBuffer<T>(int maxPending)
{
    private readonly Dictionary<ulong, T> _pending = [];
    private ulong _next;

    public ulong NextExpected => _next;

    public int PendingCount => _pending.Count;

    public SequenceAddResult Add(ulong sequenceNumber, T item)
    {
        if (sequenceNumber < _next || _pending.ContainsKey(sequenceNumber))
        {
            return SequenceAddResult.Duplicate;
        }

        if (sequenceNumber - _next > (ulong)maxPending)
        {
            return SequenceAddResult.TooFarAhead;
        }

        _pending.Add(sequenceNumber, item);
        return SequenceAddResult.Accepted;
    }

    /// <summary>Starts again from number 0 (the stream's next packets come from a new sender, e.g. another exit).</summary>
    public void Restart()
    {
        _pending.Clear();
        _next = 0;
    }

    /// <summary>Takes the next packet in order, when it has arrived.</summary>
    public bool TryTakeNext(out T item)
    {
        if (_pending.Remove(_next, out item!))
        {
            _next++;
            return true;
        }

        return false;
    }
}
