namespace Masq.Node.Cells;

/// <summary>
/// The sending side of one stream's credit window (QUIC's MAX_STREAM_DATA, Tor's SENDME in bytes): the sender may
/// put bytes on the route up to the offset its peer last allowed, and waits for more credit beyond it. A stream whose
/// reader stalls stops at its window, so it never holds more than that in the buffers of the links and Nodes it
/// shares with other streams: they keep moving. Thread-safe; one waiter at a time (the stream's own sender).
/// </summary>
internal sealed class SendCredit
{
    private readonly Lock _lock = new();
    private long _limit;
    private long _sent;
    private TaskCompletionSource? _waiter;
    private bool _closed;

    public SendCredit(long initialWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialWindow);
        _limit = initialWindow;
    }

    /// <summary>Bytes that may be sent now.</summary>
    public long Available
    {
        get
        {
            lock (_lock)
            {
                return _limit - _sent;
            }
        }
    }

    public long Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent;
            }
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> bytes of credit; 0 when there is none.</summary>
    public int TryTake(int wanted)
    {
        lock (_lock)
        {
            int granted = (int)Math.Min(wanted, _limit - _sent);
            _sent += granted;
            return granted;
        }
    }

    /// <summary>Takes between 1 and <paramref name="wanted"/> bytes of credit, waiting until the peer grants some.</summary>
    /// <exception cref="ObjectDisposedException">The stream was closed while waiting.</exception>
    public async ValueTask<int> TakeAsync(int wanted, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted);
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_closed, this);
                if (_limit > _sent)
                {
                    int granted = (int)Math.Min(wanted, _limit - _sent);
                    _sent += granted;
                    return granted;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The peer allows bytes up to <paramref name="limit"/>: an absolute offset, so an update that arrives twice or
    /// late (from before a route was rebuilt) does nothing.
    /// </summary>
    public void Grant(long limit)
    {
        TaskCompletionSource? waiter = null;
        lock (_lock)
        {
            if (limit <= _limit)
            {
                return;
            }

            _limit = limit;
            if (_limit > _sent)
            {
                (waiter, _waiter) = (_waiter, null);
            }
        }

        waiter?.TrySetResult();
    }

    /// <summary>Ends the stream: a sender waiting for credit stops waiting.</summary>
    public void Close()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            _closed = true;
            (waiter, _waiter) = (_waiter, null);
        }

        waiter?.TrySetResult();
    }
}
