namespace Masq.Node.DataPath;

/// <summary>
/// The receiving half of a stream's credit window (protocol.md §4): at most <see cref="Window"/> bytes may be
/// received and not yet consumed by the application (the browser at the originator, the server at the exit). As the
/// application consumes, once half a window has been taken since the last update, <see cref="Consume"/> gives the new
/// absolute limit to send to the other end. Data beyond the limit is a protocol violation. Thread-safe.
/// <para>
/// Auto-tuning, for routes whose round trip is long (the rule of QUIC's receive-window tuning in Chromium and quiche):
/// the receiver learns the route's round trip from its own updates (the first byte beyond the old limit cannot arrive
/// before the update that allowed it went there and back, so the shortest such wait is an upper bound of the round trip).
/// When two updates come less than two round trips apart, the window, not the reader, limits the stream, and the next
/// update doubles it, up to <see cref="MaxWindow"/>. Updates come only as the reader takes data, so a reader that falls
/// behind never grows the window, and a stalled stream holds at most the window it had (the Node's buffer budget still
/// ends the hungriest streams).
/// </para>
/// </summary>
internal sealed class ReceiveCredit
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _initialWindow;
    private long _window;
    private long _limit;
    private long _received;
    private long _consumed;

    // Auto-tuning: the last update's time, the round trip learnt, and the sample under way (the limit before an update
    // and when it was given; the first byte beyond that limit ends the sample).
    private long _lastGrantAt = -1;
    private TimeSpan _roundTrip = TimeSpan.MaxValue;
    private long _sampleLimit = -1;
    private long _sampleStartedAt;

    public ReceiveCredit(long window, long? maxWindow = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        _initialWindow = window;
        _window = window;
        MaxWindow = Math.Max(window, maxWindow ?? window);
        _time = time ?? TimeProvider.System;
        _limit = window;
    }

    /// <summary>The window now (auto-tuning grows it from the first one, see the class summary).</summary>
    public long Window
    {
        get
        {
            lock (_lock)
            {
                return _window;
            }
        }
    }

    /// <summary>The largest the window may grow to.</summary>
    public long MaxWindow { get; }

    /// <summary>The shortest round trip seen from an update to the first byte it allowed; null before the first.</summary>
    public TimeSpan? RoundTrip
    {
        get
        {
            lock (_lock)
            {
                return _roundTrip == TimeSpan.MaxValue ? null : _roundTrip;
            }
        }
    }

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
            if (_sampleLimit >= 0 && _received > _sampleLimit)
            {
                var sample = _time.GetElapsedTime(_sampleStartedAt);
                _roundTrip = sample < _roundTrip ? sample : _roundTrip;
                _sampleLimit = -1;
            }

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
            if (_consumed + _window - _limit < _window / 2)
            {
                return null;
            }

            long now = _time.GetTimestamp();
            if (_window < MaxWindow && _lastGrantAt >= 0 && _roundTrip != TimeSpan.MaxValue
                && _time.GetElapsedTime(_lastGrantAt, now) < 2 * _roundTrip)
            {
                _window = Math.Min(_window * 2, MaxWindow);
            }

            if (_window < MaxWindow && _sampleLimit < 0)
            {
                _sampleLimit = _limit;
                _sampleStartedAt = now;
            }

            _lastGrantAt = now;
            _limit = _consumed + _window;
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
            _window = _initialWindow;
            _lastGrantAt = -1;
            _roundTrip = TimeSpan.MaxValue;
            _sampleLimit = -1;
            _limit = _window;
            return buffered;
        }
    }
}
