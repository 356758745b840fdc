namespace Masq.Node.DataPath;

/// <summary>
/// The receiving half of a stream's credit window (protocol.md §4): at most <see cref="Window"/> bytes may be
/// received and not yet consumed by the application (the browser at the originator, the server at the exit). As the
/// application consumes, once half a window has been taken since the last update, <see cref="Consume"/> gives the new
/// absolute limit to send to the other end. Data beyond the limit is a protocol violation. Thread-safe.
/// </summary>
internal sealed class ReceiveCredit
{
    private readonly Lock _lock = new();
    private long _limit;
    private long _received;
    private long _consumed;

    public ReceiveCredit(long window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        Window = window;
        _limit = window;
    }

    public long Window { get; }

    /// <summary>The limit the sender has been told (or starts with).</summary>
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

    /// <summary>Bytes received and not yet consumed: what this stream holds in its buffer, never above <see cref="Window"/>.</summary>
    public long Buffered
    {
        get
        {
            lock (_lock)
            {
                return _received - _consumed;
            }
        }
    }

    /// <summary>Counts <paramref name="bytes"/> as received; false (nothing counted) when they go beyond the limit.</summary>
    public bool TryReceive(long bytes)
    {
        lock (_lock)
        {
            if (_received + bytes > _limit)
            {
                return false;
            }

            _received += bytes;
            return true;
        }
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> as consumed by the application. Returns the new absolute limit to send to the
    /// sender when half a window or more has been consumed since the last one, else null.
    /// </summary>
    public long? Consume(long bytes) => Consume(bytes, out _);

    /// <summary>As <see cref="Consume(long)"/>; <paramref name="taken"/> is how much <see cref="Buffered"/> fell.</summary>
    public long? Consume(long bytes, out long taken)
    {
        lock (_lock)
        {
            long consumed = Math.Min(_consumed + bytes, _received);
            taken = consumed - _consumed;
            _consumed = consumed;
            if (_consumed + Window - _limit < Window / 2)
            {
                return null;
            }

            _limit = _consumed + Window;
            return _limit;
        }
    }

    /// <summary>A new sender (another exit) starts from nothing received, with a whole window. Returns what was buffered.</summary>
    public long Restart()
    {
        lock (_lock)
        {
            long buffered = _received - _consumed;
            _received = 0;
            _consumed = 0;
            _limit = Window;
            return buffered;
        }
    }
}
