namespace Masq.Node.DataPath;

/// <summary>
/// The sending half of a stream's credit window (protocol.md §4): the receiver has allowed data up to an absolute
/// <see cref="Limit"/> of bytes; a sender that reached it waits, for this stream only, until the receiver grants more.
/// Limits only grow, so a stale or duplicated grant does nothing. Thread-safe.
/// </summary>
internal sealed class SendCredit(long initialLimit)
{
    private readonly Lock _lock = new();
    private long _limit = initialLimit;
    private long _sent;
    private bool _closed;
    private TaskCompletionSource? _waiter;

    public long Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
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

    /// <summary>Bytes that may be sent now; 0 once closed.</summary>
    public long Available
    {
        get
        {
            lock (_lock)
            {
                return _closed ? 0 : Math.Max(0, _limit - _sent);
            }
        }
    }

    /// <summary>Whether a sender is waiting for credit now (for diagnostics and tests).</summary>
    public bool IsWaiting
    {
        get
        {
            lock (_lock)
            {
                return _waiter is not null;
            }
        }
    }

    /// <summary>Raises the limit to <paramref name="limit"/>; false (and nothing changes) when it is not above the current one.</summary>
    public bool Grant(long limit)
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (limit <= _limit)
            {
                return false;
            }

            _limit = limit;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
        return true;
    }

    /// <summary>Counts <paramref name="bytes"/> as sent (after <see cref="WaitAsync"/> allowed them).</summary>
    public void Take(long bytes)
    {
        lock (_lock)
        {
            _sent += bytes;
        }
    }

    /// <summary>A new receiver (another exit): <paramref name="sent"/> bytes already went to it, and it allows <paramref name="limit"/>.</summary>
    public void Restart(long sent, long limit)
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            _sent = sent;
            _limit = limit;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The stream ended: waiters return 0 and nothing more may be sent.</summary>
    public void Close()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            _closed = true;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>
    /// Waits until at least <paramref name="atLeast"/> bytes (at least one) may be sent and returns how many may;
    /// 0 once the stream is closed. Each round waits for a grant, a restart or the close, so it ends with the stream.
    /// </summary>
    public async ValueTask<long> WaitAsync(long atLeast, CancellationToken cancellationToken)
    {
        atLeast = Math.Max(1, atLeast);
        while (true)
        {
            Task granted;
            lock (_lock)
            {
                if (_closed)
                {
                    return 0;
                }

                long available = _limit - _sent;
                if (available >= atLeast)
                {
                    return available;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                granted = _waiter.Task;
            }

            await granted.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
